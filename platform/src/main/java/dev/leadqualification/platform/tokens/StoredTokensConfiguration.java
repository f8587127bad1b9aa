package dev.leadqualification.platform.tokens;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reader of the stored tokens, for both services. */
@AutoConfiguration
public class StoredTokensConfiguration {

    /** {@code serializer}: Axon's general serializer, the one its JDBC token store writes tokens with. */
    @Bean
    public StoredTokens storedTokens(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer,
                                     TokenStoreProperties tokenStore) {
        return new StoredTokens(jdbc, schema, serializer, tokenStore.getClaimTimeout());
    }
}
