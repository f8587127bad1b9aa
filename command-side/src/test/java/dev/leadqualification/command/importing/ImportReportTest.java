package dev.leadqualification.command.importing;

import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.platform.web.ApiExceptionHandler;
import dev.leadqualification.platform.web.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer to an import: counts, and each refused line as its number plus the direct create's problem. */
class ImportReportTest {

    @Test
    void aRefusedLineIsItsNumberWithTheProblemTheDirectCreateWouldAnswerExtensionsIncluded() {
        ImportReport report = new ImportReport(new ApiExceptionHandler(), 10);

        report.add(List.of(new LineOutcome.Imported(1, "a"),
                new LineOutcome.Refused(2, new InvalidRequest("email", "must be a valid e-mail address")),
                new LineOutcome.Imported(4, "b")));
        ImportReport.Answer answer = report.answer(3);

        assertThat(answer.received()).isEqualTo(3);
        assertThat(answer.imported()).isEqualTo(2);
        assertThat(answer.refused()).isEqualTo(1);
        assertThat(answer.errorsOmitted()).isNull();
        Map<String, Object> error = answer.errors().get(0);
        assertThat(error).containsEntry("line", 2).containsEntry("status", 400)
                .containsEntry("type", "https://lead-qualification.dev/problems/validation")
                .containsEntry("title", "Validation");
        assertThat((String) error.get("detail")).contains("email");
        assertThat(error.get("errors")).asString().contains("must be a valid e-mail address");
        assertThat(error.keySet()).startsWith("line", "status", "type", "title", "detail");
    }

    @Test
    void onlyTheFirstRefusalsAreListedTheOthersCounted() {
        ImportReport report = new ImportReport(new ApiExceptionHandler(), 2);
        DomainRuleViolation conflict = new DomainRuleViolation("id-conflict", "taken");

        report.add(List.of(new LineOutcome.Refused(1, conflict), new LineOutcome.Refused(2, conflict)));
        report.add(List.of(new LineOutcome.Refused(3, conflict), new LineOutcome.Imported(4, "a"),
                new LineOutcome.Refused(5, conflict)));
        ImportReport.Answer answer = report.answer(5);

        assertThat(answer.refused()).isEqualTo(4);
        assertThat(answer.errors()).extracting(error -> error.get("line")).containsExactly(1, 2);
        assertThat(answer.errorsOmitted()).isEqualTo(2);
    }
}
