/** Small value types and helpers used by every feature (no business logic). */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package eu.smartcity.accelerator.shared;
