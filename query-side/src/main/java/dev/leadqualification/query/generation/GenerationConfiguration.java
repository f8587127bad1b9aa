package dev.leadqualification.query.generation;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The query side's data source hands out connections pointed at a generation of the read models. */
@Configuration
public class GenerationConfiguration {

    @Bean
    public static BeanPostProcessor connectionsPointedAtAGeneration() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof GenerationRouting)
                        ? new GenerationRouting(dataSource) : bean;
            }
        };
    }
}
