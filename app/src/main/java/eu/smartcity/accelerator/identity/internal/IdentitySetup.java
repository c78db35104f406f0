package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups and the Camunda authorizations that every installation needs, created at start-up
 * if missing (idempotent, safe on several nodes). Optionally creates a first coordinator from
 * ACCELERATOR_ADMIN_USER / ACCELERATOR_ADMIN_PASSWORD, for installations without demo data.
 */
@Component
@Order(0)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            @Value("${accelerator.admin.user:}") String adminUser,
            @Value("${accelerator.admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        group(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        group(Roles.COORDINATORS, "Programme coordinators", Roles.ROLE_TYPE);
        group(Roles.CITY_OFFICERS, "City officers", Roles.ROLE_TYPE);
        group(Roles.COMPANIES, "Companies", Roles.ROLE_TYPE);
        group(Roles.JURY, "Jury members", Roles.ROLE_TYPE);

        // Camunda 7.24 no longer lets admin groups bypass query checks: grant them ALL, as Camunda Admin's setup does.
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        group(Roles.INTEGRATIONS, "Integrations (read the engine REST API)", Roles.ROLE_TYPE);

        // The Camunda webapps are for coordinators; city officers and jury members work in the portal only.
        // Earlier versions let them into Tasklist: those grants are removed from existing databases.
        for (String portalOnly : List.of(Roles.CITY_OFFICERS, Roles.JURY)) {
            revoke(portalOnly, Resources.APPLICATION, "tasklist");
            revoke(portalOnly, Resources.PROCESS_DEFINITION, Authorization.ANY);
        }
        grant(Roles.COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(Roles.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // Integrations read processes, tasks and their history through /engine-rest (GET only, see SecurityConfiguration).
        grant(Roles.INTEGRATIONS, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant(Roles.INTEGRATIONS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grant(Roles.INTEGRATIONS, Resources.TASK, Authorization.ANY, Permissions.READ);
        grant(Roles.INTEGRATIONS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        // Every user may use the shared task filters ("All tasks" shows only tasks they may see).
        grantAllUsers(Resources.FILTER, Authorization.ANY, Permissions.READ);

        if (!adminUser.isBlank() && !adminPassword.isBlank()) {
            createUser(identityService, adminUser, "Programme", "Coordinator", adminUser + "@localhost", adminPassword,
                    List.of(Roles.COORDINATORS, Groups.CAMUNDA_ADMIN));
        }
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() == 0) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    private void grantAllUsers(Resource resource, String resourceId, Permissions permission) {
        if (authorizationService.createAuthorizationQuery().userIdIn(Authorization.ANY)
                .resourceType(resource).resourceId(resourceId).count() == 0) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Creates a user with its group memberships, unless it exists. */
    static void createUser(IdentityService identityService, String id, String firstName, String lastName, String email,
            String password, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        groups.forEach(group -> identityService.createMembership(id, group));
        log.info("Created user {} in {}", id, groups);
    }
}
