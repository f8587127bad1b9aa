package dev.leadqualification.command.importing;

import dev.leadqualification.command.directory.JdbcCustomerDirectory;
import dev.leadqualification.command.duplicates.MatchCodeIndex;
import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.contact.ContactCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import appends its creation events in bulk, past the subscribing {@code command-lookups} processor (one
 * handler call and statement per event would be far too slow), and writes those handlers' tables itself. So every
 * lookup handler of new accounts and contacts must be one the import covers: a new one fails this test until the
 * import writes its table too.
 */
class ImportWritesEveryCommandLookupTest {

    private static final Set<Class<?>> CREATION_EVENTS = Set.of(AccountCreated.class, ContactCreated.class);

    @Test
    void theCommandLookupsOfNewAccountsAndContactsAreTheOnesTheImportWrites() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));

        Set<Class<?>> lookupsOfNewRecords = scanner.findCandidateComponents("dev.leadqualification.command").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .filter(type -> CommandLookups.PROCESSING_GROUP.equals(type.getAnnotation(ProcessingGroup.class).value()))
                .filter(ImportWritesEveryCommandLookupTest::handlesCreation)
                .collect(Collectors.toSet());

        assertThat(lookupsOfNewRecords).containsExactlyInAnyOrder(JdbcCustomerDirectory.class, MatchCodeIndex.class);
    }

    private static boolean handlesCreation(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .anyMatch(method -> method.getParameterCount() > 0
                        && CREATION_EVENTS.contains(method.getParameterTypes()[0]));
    }
}
