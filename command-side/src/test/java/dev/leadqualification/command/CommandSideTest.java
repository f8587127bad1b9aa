package dev.leadqualification.command;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command side's Spring context on a fresh PostgreSQL database: one per test run, shared by every test class
 * that extends this one through Spring's context cache. Tests use random ids, so they never see each other's records.
 */
@SpringBootTest
public abstract class CommandSideTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("command_side");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }
}
