package eu.smartcity.accelerator.shared;

/**
 * The demo content switches, read when the app runs, not by a bean condition: the image starts on Spring AOT, which
 * fixes every bean condition when the jar is built (docs/performance.md, "Start-up, round 5"), and the same image
 * runs with demo data (H2, the default) and without (the {@code postgres} profile).
 */
public final class DemoData {

    /** Demo users, organisations and marketplace content: {@code accelerator.demo-data.enabled} (ACCELERATOR_DEMO_DATA). */
    public static final String ENABLED = "${accelerator.demo-data.enabled:false}";

    /** With demo data, also the demo cycle: {@code accelerator.demo-data.cycle}. */
    public static final String CYCLE = "${accelerator.demo-data.cycle:false}";

    private DemoData() {}
}
