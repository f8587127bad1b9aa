package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.axonframework.serialization.Revision;

/** The Qualify stage's findings were recorded; {@code details} replaces the previous ones. */
@Revision("1")
public record QualificationDetailsUpdated(String leadId, QualificationDetails details) {
}
