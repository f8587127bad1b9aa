package dev.leadqualification.command.settings;

import dev.leadqualification.kernel.settings.ChangeQualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettingsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.kernel.settings.QualificationSettings.DEFAULTS;
import static dev.leadqualification.kernel.settings.QualificationSettings.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's change of the settings is history; a change to the same values is none. */
class QualificationSettingsTest {

    private static final QualificationSettings PROMPT_FOR_RECORDS = new QualificationSettings(false, true, true);
    private static final QualificationSettings NO_DUPLICATE_DETECTION = new QualificationSettings(false, false, false);

    private AggregateTestFixture<QualificationSettingsAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QualificationSettingsAggregate.class);
    }

    @Test
    void theDefaultsAreThoseOfTheApi() {
        assertThat(DEFAULTS).isEqualTo(new QualificationSettings(true, true, true));
        assertThat(ID).isEqualTo("lead-qualification");
    }

    @Test
    void aChangeIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ChangeQualificationSettings(ID, PROMPT_FOR_RECORDS))
                .expectEvents(new QualificationSettingsChanged(ID, PROMPT_FOR_RECORDS));
    }

    @Test
    void theFirstChangeIsRecordedEvenWhenItSetsTheDefaults() {
        fixture.givenNoPriorActivity()
                .when(new ChangeQualificationSettings(ID, DEFAULTS))
                .expectEvents(new QualificationSettingsChanged(ID, DEFAULTS));
    }

    @Test
    void theSameSettingsAgainRecordNothing() {
        fixture.given(new QualificationSettingsChanged(ID, PROMPT_FOR_RECORDS))
                .when(new ChangeQualificationSettings(ID, PROMPT_FOR_RECORDS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLaterChangeIsRecorded() {
        fixture.given(new QualificationSettingsChanged(ID, PROMPT_FOR_RECORDS))
                .when(new ChangeQualificationSettings(ID, NO_DUPLICATE_DETECTION))
                .expectEvents(new QualificationSettingsChanged(ID, NO_DUPLICATE_DETECTION));
    }

    @Test
    void goingBackToTheDefaultsIsRecorded() {
        fixture.given(new QualificationSettingsChanged(ID, PROMPT_FOR_RECORDS))
                .when(new ChangeQualificationSettings(ID, DEFAULTS))
                .expectEvents(new QualificationSettingsChanged(ID, DEFAULTS));
    }
}
