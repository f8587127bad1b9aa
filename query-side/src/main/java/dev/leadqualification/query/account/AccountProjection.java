package dev.leadqualification.query.account;

import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.SearchText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Projects accounts into {@code account_view}. */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "account-projection";

    private final AccountTable accounts;

    public AccountProjection(AccountTable accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    public void on(AccountCreated event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        accounts.insert(event.accountId(), event.details(), event.originatingLeadId(), event.ownerId(),
                SearchText.of(event.details().name(), event.details().email()), at, actor);
    }

    @EventHandler
    public void on(AccountAssigned event, @SequenceNumber long sequence) {
        accounts.assign(event.accountId(), event.ownerId(), sequence);
    }
}
