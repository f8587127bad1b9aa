package dev.leadqualification.platform.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.leadqualification.platform.fence.AxonExtension;
import dev.leadqualification.platform.fence.AxonExtensions;
import org.axonframework.util.MavenArtifactVersionResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fence around the {@link AxonExtension}s of a module: each module's {@code AxonExtensionsFenceTest} calls
 * {@link #holds}, which fails, listing what each extension relies on, when an Axon module on the class path is not the
 * version the extensions were checked against.
 */
public final class AxonExtensionsFence {

    private static final List<String> AXON_MODULES = List.of("axon-messaging", "axon-modelling", "axon-eventsourcing",
            "axon-configuration", "axon-spring-boot-autoconfigure");

    private AxonExtensionsFence() {
    }

    /** The extensions among the production classes of {@code basePackage}; fails as said above. */
    public static List<AxonExtension> holds(String basePackage) {
        List<AxonExtension> extensions = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage).stream()
                .filter(type -> type.isAnnotatedWith(AxonExtension.class))
                .map(type -> type.getAnnotationOfType(AxonExtension.class))
                .toList();
        List<String> versions = AXON_MODULES.stream().map(AxonExtensionsFence::version).toList();
        if (!versions.stream().allMatch(AxonExtensions.CHECKED_AGAINST::equals)) {
            fail("Axon on the class path is " + versions + " (" + AXON_MODULES + "), but the extensions were checked "
                    + "against " + AxonExtensions.CHECKED_AGAINST + ". Check what each relies on against the new "
                    + "version's code, then raise AxonExtensions.CHECKED_AGAINST:\n" + describe(extensions));
        }
        assertThat(extensions).allSatisfy(extension -> assertThat(extension.reliesOn()).isNotEmpty());
        return extensions;
    }

    private static String describe(List<AxonExtension> extensions) {
        return extensions.stream().map(extension -> "- " + extension.name() + " (leads.axon-extensions."
                        + extension.name() + ".enabled):\n    " + String.join("\n    ", extension.reliesOn()))
                .collect(Collectors.joining("\n"));
    }

    private static String version(String artifact) {
        try {
            return new MavenArtifactVersionResolver("org.axonframework", artifact,
                    AxonExtensionsFence.class.getClassLoader()).get();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the version of " + artifact, e);
        }
    }
}
