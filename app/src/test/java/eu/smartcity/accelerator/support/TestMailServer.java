package eu.smartcity.accelerator.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for one test class, on a free port of this machine, running while its tests run:
 * <pre>
 * &#64;RegisterExtension static final TestMailServer MAIL = new TestMailServer();
 * &#64;DynamicPropertySource static void mail(DynamicPropertyRegistry registry) { MAIL.pointTheAppAt(registry); }
 * </pre>
 * {@link #stop()} and {@link #start()} stage an outage and its end on the same port.
 */
public final class TestMailServer implements BeforeAllCallback, AfterAllCallback {

    private final int port = FreePort.any();
    private GreenMail smtp;

    /** The app's {@code spring.mail.*} settings: this server. */
    public void pointTheAppAt(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** A fresh server on the same port (after {@link #stop()}: the outage is over). */
    public void start() {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail waits 2 s for its socket by default; a busy CI machine (a Spring context starting beside it) took longer
        setup.setServerStartupTimeout(15_000);
        smtp = new GreenMail(setup);
        smtp.start();
    }

    /** No server on the port any more: an SMTP outage. */
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** The running server: its received messages, its mailboxes. */
    public GreenMail smtp() {
        return smtp;
    }
}
