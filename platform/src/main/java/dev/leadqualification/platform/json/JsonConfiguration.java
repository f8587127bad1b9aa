package dev.leadqualification.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Money must keep its digits: decimals are read as BigDecimal, also into JSON trees (PATCH bodies, bulk
 * requests), and trailing zeros are kept, so {@code 1234.50} stays {@code 1234.50} from request to read model.
 * The same mapper serializes events and sagas (Axon takes Spring's ObjectMapper).
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer exactDecimals() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .postConfigurer(mapper -> mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false));
    }
}
