package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.Challenges;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/** An extension or an early closing: the OCDS tender is published again with the new tenderPeriod.endDate. */
@Component
class TenderPeriodChanged implements ApplicationListener<PayloadApplicationEvent<Challenges.CallWindowChanged>> {

    private final CallTender tender;

    TenderPeriodChanged(CallTender tender) {
        this.tender = tender;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<Challenges.CallWindowChanged> event) {
        tender.publish(event.getPayload().challengeId());
    }
}
