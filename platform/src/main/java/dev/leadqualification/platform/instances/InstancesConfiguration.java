package dev.leadqualification.platform.instances;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Several instances of a service on one database: each knows itself ({@link ServiceInstance}) and names its database
 * connections and its segment claims after itself, sees the others ({@link LiveInstances}), and its pooled processors
 * take only their fair share of segments ({@link FairShareOfSegments}).
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class InstancesConfiguration {

    @Bean
    public ServiceInstance serviceInstance(Environment environment) {
        return ServiceInstance.of(environment.getProperty("spring.application.name", "lead-qualification"));
    }

    /** PostgreSQL shows each connection of this instance with the instance's name ({@code application_name}). */
    @Bean
    public static BeanPostProcessor connectionsNamedAfterTheInstance(
            org.springframework.beans.factory.ObjectProvider<ServiceInstance> instance) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    dataSource.addDataSourceProperty("ApplicationName", instance.getObject().name());
                }
                return bean;
            }
        };
    }

    /** On the data source, not Spring's JdbcTemplate: the schema migration asks it, and that template waits for it. */
    @Bean
    public LiveInstances liveInstances(DataSource dataSource, ServiceInstance instance) {
        return new LiveInstances(new JdbcTemplate(dataSource), instance);
    }

    /** Axon's JDBC token store, recording this instance's name as the owner of the segments it claims. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties properties, ServiceInstance instance) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(instance.name())
                .build();
    }

    /**
     * Every pooled processor takes its fair share of segments, and its coordinator extends the claims of its work
     * packages while they are busy, so that a long batch (publishing a rule over a million records) keeps its segment
     * instead of another instance taking it over when the claim times out and running it a second time.
     */
    @Bean
    public ConfigurerModule fairShareOfSegments(LiveInstances instances, DataSource dataSource,
                                                TokenSchema tokenSchema) {
        FairShareOfSegments fairShare = new FairShareOfSegments(instances, new JdbcTemplate(dataSource), tokenSchema);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.maxSegmentProvider(fairShare).enableCoordinatorClaimExtension());
    }
}
