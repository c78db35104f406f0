package eu.smartcity.accelerator.cluster;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must hold after load on the cluster: no job left to run, no incident, every running process instance
 * at a wait state, and every side effect of an asynchronous step exactly once (a job run twice — by two nodes,
 * or again after a crash — would show up here as a second row or a second mail).
 */
final class ClusterChecks {

    /** Jobs that still have to run (due, or locked by a node that is running them or died with them). */
    private static final String PENDING_JOBS = "select count(*) from act_ru_job where retries_ > 0 "
            + "and (duedate_ is null or duedate_ <= localtimestamp or lock_exp_time_ is not null)";

    /**
     * Running process instances that are neither at a user task, a message/signal wait, a timer, a receive task (the
     * application process's states wait for no message: the portal signals them), nor in a called instance.
     */
    private static final String NOT_AT_A_WAIT_STATE = """
            select p.proc_inst_id_ || ' (' || d.key_ || ')' from act_ru_execution p join act_re_procdef d on d.id_ = p.proc_def_id_
            where p.id_ = p.proc_inst_id_
              and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = p.id_)
              and not exists (select 1 from act_ru_event_subscr e where e.proc_inst_id_ = p.id_)
              and not exists (select 1 from act_ru_job j where j.process_instance_id_ = p.id_ and j.type_ = 'timer')
              and not exists (select 1 from act_ru_execution w where w.proc_inst_id_ = p.id_ and w.is_active_
                    and w.act_id_ like 'ReceiveTask\\_%')
              and not exists (select 1 from act_ru_execution c where c.super_exec_ in
                    (select x.id_ from act_ru_execution x where x.proc_inst_id_ = p.id_))
            """;

    private ClusterChecks() {}

    /** Waits until no job is pending; returns how long it took. */
    static Duration awaitJobsDone(ClusterDatabase db, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (db.count(PENDING_JOBS) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(db.count(PENDING_JOBS) + " jobs still pending after " + timeout + ": "
                        + db.rows("select handler_cfg_, lock_owner_, lock_exp_time_, retries_, exception_msg_ from act_ru_job where retries_ > 0 "
                        + "and (duedate_ is null or duedate_ <= localtimestamp or lock_exp_time_ is not null)"));
            }
            ClusterNode.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static List<String> notAtWaitState(ClusterDatabase db) {
        return db.strings(NOT_AT_A_WAIT_STATE);
    }

    /** Incidents and jobs out of retries: nothing may have failed for good. */
    static List<String> failures(ClusterDatabase db) {
        List<String> failures = new java.util.ArrayList<>(db.strings("select incident_type_ || ': ' || coalesce(incident_msg_, '') from act_ru_incident"));
        failures.addAll(db.strings("select handler_cfg_ || ': ' || coalesce(exception_msg_, '') from act_ru_job where retries_ = 0"));
        return failures;
    }

    /** Successful job executions per node (the hostname each node's engine writes into the job log). */
    static Map<String, Long> jobsRunPerNode(ClusterDatabase db) {
        Map<String, Long> perNode = new LinkedHashMap<>();
        for (List<Object> row : db.rows("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_ order by 1")) {
            perNode.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
        }
        return perNode;
    }

    /**
     * Side effects of asynchronous steps that occur more than once, by kind (empty when each happened once).
     * Add a kind here when a feature adds an asynchronous side effect.
     */
    static Map<String, List<String>> duplicatedSideEffects(ClusterDatabase db, GreenMail mail) {
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        duplicates.put("application process instance per application", db.strings(
                "select business_key_ from act_hi_procinst where proc_def_key_ = 'application' group by business_key_ having count(*) > 1"));
        duplicates.put("eligibility record per application (ServiceTask_CheckEligibility)", db.strings(
                "select subject_id from decision_evaluation where decision_key = 'eligibility' and subject_type = 'application' "
                        + "group by subject_id having count(*) > 1"));
        duplicates.put("OCDS tender release per challenge (ServiceTask_PublishCall)", db.strings(
                "select ocid from ocds_release where tag = 'tender' group by ocid having count(*) > 1"));
        duplicates.put("call closed per challenge (ServiceTask_CloseCall)", db.strings(
                "select proc_inst_id_ from act_hi_actinst where act_id_ = 'ServiceTask_CloseCall' and end_time_ is not null "
                        + "group by proc_inst_id_ having count(*) > 1"));
        duplicates.put("mail (same Message-ID, i.e. one notification delivered twice)", mailDuplicates(mail));
        duplicates.values().removeIf(List::isEmpty);
        return duplicates;
    }

    /** Side effects that should have happened and did not, by kind (empty when none is missing). */
    static Map<String, List<String>> missingSideEffects(ClusterDatabase db) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        missing.put("application without its process instance", db.strings(
                "select cast(a.id as varchar) from application a where not exists "
                        + "(select 1 from act_hi_procinst p where p.proc_def_key_ = 'application' and p.business_key_ = cast(a.id as varchar))"));
        missing.put("published challenge without its OCDS tender release", db.strings(
                "select cast(c.id as varchar) from challenge c where c.call_closes_at is not null and not exists "
                        + "(select 1 from ocds_release r where r.tag = 'tender' and r.ocid like '%' || cast(c.id as varchar))"));
        missing.put("application of a closed call without its eligibility record", db.strings(
                "select cast(a.id as varchar) from application a join challenge c on c.id = a.challenge_id "
                        + "where exists (select 1 from act_hi_actinst x where x.proc_inst_id_ = c.process_instance_id "
                        + "and x.act_id_ = 'ServiceTask_CheckEligibility' and x.end_time_ is not null) "
                        + "and not exists (select 1 from decision_evaluation d where d.decision_key = 'eligibility' "
                        + "and d.subject_id = cast(a.id as varchar))"));
        missing.values().removeIf(List::isEmpty);
        return missing;
    }

    /**
     * Every notification carries a Message-ID derived from its id (one row per event and recipient, unique
     * in the database), so a mail delivered twice shows up as one Message-ID received twice. (Two mails
     * with the same text are normal: a company applying three times to one challenge gets three.)
     */
    private static List<String> mailDuplicates(GreenMail mail) {
        Function<MimeMessage, String> messageId = m -> {
            try {
                return m.getMessageID() + " " + m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
        return Arrays.stream(mail.getReceivedMessages()).collect(Collectors.groupingBy(messageId, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue()).toList();
    }

    /**
     * Signed contracts whose signature does not verify against the programme's one certificate (empty when all
     * do); {@code signed} receives how many were checked.
     */
    static List<String> signaturesNotOfTheProgramme(ClusterDatabase db, ClusterSigning signing, java.util.concurrent.atomic.AtomicInteger signed) {
        List<String> wrong = new java.util.ArrayList<>();
        for (List<Object> row : db.rows("select cast(contract_id as varchar), signed_pdf from contract_document where signed_pdf is not null")) {
            signed.incrementAndGet();
            eu.smartcity.accelerator.documents.PadesSignatures.Verification verification = signing.verify((byte[]) row.get(1));
            if (!verification.valid() || !signing.certificate().getSubjectX500Principal().getName().equals(verification.signer())) {
                wrong.add(row.get(0) + ": " + verification.signer() + " " + verification.problem());
            }
        }
        return wrong;
    }

    static int mailsReceived(GreenMail mail) {
        return mail.getReceivedMessages().length;
    }
}
