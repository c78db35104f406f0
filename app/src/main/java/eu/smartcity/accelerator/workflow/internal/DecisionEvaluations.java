package eu.smartcity.accelerator.workflow.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionEvaluations extends JpaRepository<DecisionEvaluation, UUID> {

    List<DecisionEvaluation> findBySubjectTypeAndSubjectIdOrderByEvaluatedAt(String subjectType, String subjectId);
}
