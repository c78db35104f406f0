package eu.smartcity.accelerator.workflow.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.forms.FormComponent;
import eu.smartcity.accelerator.forms.FormDefinition;
import eu.smartcity.accelerator.forms.FormDefinitions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The allow-list in front of both engine REST doors: {@code /engine-rest/**} and the webapps' own
 * {@code /camunda/api/engine/**}. Spring Security has already decided who may knock (coordinators; the
 * integrations role reads {@code /engine-rest} only); this filter decides which writes exist at all.
 * Reads pass; a write is refused unless it is on the list below, because process and task variables are
 * not a trust boundary of Camunda's (anyone who may work on a task may set any variable through REST) and
 * the app decides who sees what from them ({@code applicationId}, {@code cityGroup}, …). The only way a
 * variable enters the engine through REST is completing a task one may work on, with that task's form fields.
 */
class EngineDoors extends OncePerRequestFilter {

    /** The largest completion body we read: a form's fields, far below this. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** POST {root} and POST {root}/count are queries (the body is the filter) for these resources. */
    private static final Set<String> QUERY_ROOTS = Set.of("task", "process-instance", "execution", "variable-instance",
            "job", "external-task", "history/process-instance", "history/activity-instance", "history/task",
            "history/variable-instance", "history/detail", "history/job-log", "history/external-task-log",
            "history/incident", "history/decision-instance", "history/identity-link-log", "history/user-operation");

    /** Variable types a form field can produce; no object, JSON, XML, file or bytes value (no deserialization). */
    private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "null");

    private static final Pattern PAGING_VALUE = Pattern.compile("\\d{1,9}");

    private final TaskService tasks;
    private final ManagementService management;
    private final FormDefinitions forms;
    private final ObjectMapper json;

    EngineDoors(TaskService tasks, ManagementService management, FormDefinitions forms, ObjectMapper json) {
        this.tasks = tasks;
        this.management = management;
        this.forms = forms;
        this.json = json;
    }

    /** Which door a request came through and the engine resource path behind it ({@code task/42/complete}). */
    record Door(boolean webapp, List<String> path) {

        String joined() {
            return String.join("/", path);
        }

        boolean is(String... pattern) {
            if (pattern.length != path.size()) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (!"*".equals(pattern[i]) && !pattern[i].equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String override : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            if (request.getHeader(override) != null) {
                refuse(response, 400, "Bad Request", "Method override headers are not accepted.");
                return;
            }
        }
        String badPaging;
        try {
            badPaging = badPaging(request);
        } catch (IllegalArgumentException badEncoding) {
            badPaging = "Malformed query string.";
        }
        if (badPaging != null) {
            refuse(response, 400, "Bad Request", badPaging);
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        // OPTIONS answers which operations the caller may use (Tasklist asks before offering "create a filter")
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        Door door = door(request);
        if (door == null) {
            refuse(response, 403, "Forbidden", "This engine request is not on the allow-list.");
            return;
        }
        String user = currentUser();
        if (user == null) {
            refuse(response, 401, "Unauthorized", "Not logged in.");
            return;
        }
        if (door.is("task", "*", "complete") || door.is("task", "*", "submit-form")) {
            completion(door.path().get(1), user, request, response, chain);
        } else if (door.is("task", "*", "claim")) {
            claim(door.path().get(1), user, request, response, chain);
        } else if (door.is("task", "*", "unclaim")) {
            Task task = task(door.path().get(1));
            if (task == null) {
                refuse(response, 404, "Not Found", "No such task.");
            } else if (!user.equals(task.getAssignee())) {
                refuse(response, 403, "Forbidden", "Only the assignee may give a task back.");
            } else {
                chain.doFilter(request, response);
            }
        } else if (allowedAsIs(method, door)) {
            if (unknownJob(door)) {
                // Camunda answers 500 for a retry or due date of a job that does not exist
                refuse(response, 404, "Not Found", "No such job.");
                return;
            }
            chain.doFilter(request, response);
        } else {
            refuse(response, 403, "Forbidden", method + " " + door.joined()
                    + " is not on the engine's allow-list: engine state changes through the portal or by completing one's own task.");
        }
    }

    /** Writes that change no variable and decide nothing in a process: queries, filters, retries, comments, identity admin. */
    static boolean allowedAsIs(String method, Door door) {
        String path = door.joined();
        return switch (method) {
            case "POST" -> QUERY_ROOTS.contains(path) || (path.endsWith("/count")
                            && QUERY_ROOTS.contains(path.substring(0, path.length() - "/count".length())))
                    || door.is("filter", "*", "list") || door.is("filter", "*", "count") || door.is("filter", "*", "singleResult")
                    || door.is("filter", "create")
                    // incident recovery: Cockpit's "retry" of failed jobs
                    || door.is("job", "retries") || door.is("external-task", "retries-async")
                    || door.is("task", "*", "comment", "create")
                    || door.is("identity", "password-policy")
                    // Camunda Admin, behind the webapp session and its CSRF token only: coordinators manage accounts there
                    || (door.webapp() && (door.is("user", "create") || door.is("user", "*", "unlock")
                            || door.is("group", "create") || door.is("authorization", "create")));
            case "PUT" -> door.is("filter", "*")
                    || door.is("job", "*", "retries") || door.is("job-definition", "*", "retries")
                    || door.is("external-task", "*", "retries") || door.is("external-task", "retries")
                    // bringing a timer forward (operations; ClusterIT closes call windows this way)
                    || door.is("job", "*", "duedate")
                    || door.is("task", "*", "comment") || door.is("process-instance", "*", "comment")
                    || (door.webapp() && (door.is("user", "*", "profile") || door.is("user", "*", "credentials")
                            || door.is("group", "*") || door.is("group", "*", "members", "*") || door.is("authorization", "*")));
            case "DELETE" -> door.is("filter", "*")
                    || door.is("task", "*", "comment") || door.is("task", "*", "comment", "*")
                    || door.is("process-instance", "*", "comment") || door.is("process-instance", "*", "comment", "*")
                    || (door.webapp() && (door.is("user", "*") || door.is("group", "*")
                            || door.is("group", "*", "members", "*") || door.is("authorization", "*")));
            default -> false;
        };
    }

    private boolean unknownJob(Door door) {
        if (door.is("job", "*", "retries") || door.is("job", "*", "duedate")) {
            return management.createJobQuery().jobId(door.path().get(1)).count() == 0;
        }
        if (door.is("job-definition", "*", "retries")) {
            return management.createJobDefinitionQuery().jobDefinitionId(door.path().get(1)).count() == 0;
        }
        return false;
    }

    /** Completing a task: one's own (assignee, or candidate of an unclaimed task), with that task's form fields only. */
    private void completion(String taskId, String user, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        Task task = task(taskId);
        if (task == null) {
            refuse(response, 404, "Not Found", "No such task.");
            return;
        }
        if (!mayWorkOn(task, user)) {
            refuse(response, 403, "Forbidden", "Only the task's assignee or, while it is unclaimed, a member of its candidate groups may complete it.");
            return;
        }
        byte[] body = body(request, response);
        if (body == null) {
            return;
        }
        String problem = completionProblem(task, body);
        if (problem != null) {
            refuse(response, problem.startsWith("Malformed") ? 400 : 403, problem.startsWith("Malformed") ? "Bad Request" : "Forbidden", problem);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private String completionProblem(Task task, byte[] body) {
        JsonNode root;
        try {
            // a repeated key would be read one way here and perhaps another way by the engine: refused
            root = body.length == 0 ? json.createObjectNode()
                    : json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(body);
        } catch (IOException malformed) {
            return "Malformed JSON body.";
        }
        if (root == null || !root.isObject()) {
            return "Malformed JSON body: an object is expected.";
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("variables") && !name.equals("withVariablesInReturn")) {
                return "Only 'variables' and 'withVariablesInReturn' may be sent with a completion, not '" + name + "'.";
            }
        }
        JsonNode variables = root.path("variables");
        if (variables.isMissingNode() || variables.isNull() || (variables.isObject() && variables.isEmpty())) {
            return null;
        }
        if (!variables.isObject()) {
            return "Malformed JSON body: 'variables' must be an object.";
        }
        Map<String, FormComponent> fields = formFields(task);
        for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = entries.next();
            FormComponent field = fields.get(variable.getKey());
            if (field == null) {
                return "'" + variable.getKey() + "' is not a field of this task's form " + fields.keySet() + ".";
            }
            JsonNode value = variable.getValue();
            String type = value.path("type").asText("").toLowerCase(Locale.ROOT);
            JsonNode valueInfo = value.path("valueInfo");
            if (!value.isObject() || (!type.isEmpty() && !PRIMITIVE_TYPES.contains(type))
                    || !(valueInfo.isMissingNode() || valueInfo.isNull() || (valueInfo.isObject() && valueInfo.isEmpty()))
                    || value.path("value").isContainerNode()) {
                return "'" + variable.getKey() + "' must be a plain value (string, number, boolean or date).";
            }
            if (value.path("value").isTextual() && value.path("value").asText().length() > field.effectiveMaxLength()) {
                return "'" + variable.getKey() + "' is longer than its form field allows (" + field.effectiveMaxLength() + ").";
            }
        }
        return null;
    }

    private Map<String, FormComponent> formFields(Task task) {
        if (task.getCamundaFormRef() == null) {
            return Map.of();
        }
        try {
            FormDefinition form = forms.get(task.getCamundaFormRef().getKey());
            return form.inputs().stream().collect(Collectors.toMap(FormComponent::key, c -> c, (a, b) -> a));
        } catch (NoSuchElementException unknownForm) {
            return Map.of();
        }
    }

    /** Claiming is for oneself, and only a task one is a candidate for. */
    private void claim(String taskId, String user, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Task task = task(taskId);
        if (task == null) {
            refuse(response, 404, "Not Found", "No such task.");
            return;
        }
        byte[] body = body(request, response);
        if (body == null) {
            return;
        }
        String claimant;
        try {
            JsonNode root = json.readTree(body);
            claimant = root == null ? null : root.path("userId").asText(null);
        } catch (JsonProcessingException malformed) {
            refuse(response, 400, "Bad Request", "Malformed JSON body.");
            return;
        }
        if (!user.equals(claimant)) {
            refuse(response, 403, "Forbidden", "A task can only be claimed for oneself.");
        } else if (task.getAssignee() != null) {
            refuse(response, 409, "Conflict", "The task is already assigned.");
        } else if (!isCandidate(task, user)) {
            refuse(response, 403, "Forbidden", "Only a member of the task's candidate groups may claim it.");
        } else {
            chain.doFilter(new CachedBodyRequest(request, body), response);
        }
    }

    private boolean mayWorkOn(Task task, String user) {
        return user.equals(task.getAssignee()) || (task.getAssignee() == null && isCandidate(task, user));
    }

    private boolean isCandidate(Task task, String user) {
        Set<String> groups = currentGroups();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    private Task task(String id) {
        return tasks.createTaskQuery().taskId(id).initializeFormKeys().singleResult();
    }

    /**
     * firstResult/maxResults must be whole numbers ≥ 0: the engine would pass a negative one to the database (500).
     * Read from the query string only: asking the request for parameters would consume a form-encoded body.
     */
    static String badPaging(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (name.equals("firstResult") || name.equals("maxResults")) {
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!PAGING_VALUE.matcher(value.trim()).matches()) {
                    return name + " must be a whole number from 0 to 999999999.";
                }
            }
        }
        return null;
    }

    /** The engine resource path behind either door, decoded; null for a path the allow-list cannot read. */
    static Door door(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.contains(";") || uri.contains("\\")) {
            return null;
        }
        boolean webapp;
        String rest;
        if (uri.startsWith("/engine-rest/")) {
            webapp = false;
            rest = uri.substring("/engine-rest/".length());
        } else if (uri.startsWith("/camunda/api/engine/")) {
            webapp = true;
            rest = uri.substring("/camunda/api/engine/".length());
        } else {
            return null;
        }
        List<String> path = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEncoding) {
                return null;
            }
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/")) {
                return null;
            }
            path.add(decoded);
        }
        // /engine/{name}/… names the process engine; the webapps always do, /engine-rest may
        if (path.size() >= 2 && path.get(0).equals("engine")) {
            path = new ArrayList<>(path.subList(2, path.size()));
        } else if (webapp) {
            return null;
        }
        return new Door(webapp, List.copyOf(path));
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    }

    private static Set<String> currentGroups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Set.of()
                : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** Reads the body up to {@link #MAX_BODY_BYTES}; answers 413 and returns null beyond. */
    private static byte[] body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                refuse(response, 413, "Content Too Large", "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
                return null;
            }
            return body;
        }
    }

    /** RFC 9457 problem details, as every JSON error of the app. */
    static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** The request again, with the body this filter has already read. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
