package studio.booking.command.schedule;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    /**
     * Every request reads its instructor's schedule, and Axon's default lock would make requests
     * for one instructor wait for each other's commit. Writers of a schedule already hold the
     * instructor's exclusive advisory lock (docs/architecture.md) before they load it, and the
     * event store's sequence numbers would still reject a lost update, so this JVM lock adds nothing.
     */
    @Bean
    LockFactory scheduleLockFactory() {
        return NullLockFactory.INSTANCE;
    }
}
