package dev.backoffice.examples.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only SLF4J binding that keeps every event at DEBUG and above, with the formatted
 * message, the throwable's text and a copy of the MDC as it was when the event was logged.
 * Chosen with the system property {@code slf4j.provider} (SLF4J 2.0.9+), so it replaces
 * slf4j-simple only in the JVM that asks for it (the examples module's {@code logging-check}
 * Surefire execution). WARN and ERROR lines are still printed to stderr.
 */
public final class CapturingServiceProvider implements SLF4JServiceProvider {

    /** One captured event. */
    public record Event(Level level, String logger, String message, String throwable, Map<String, String> mdc) {

        /** The message and the throwable's text: everything a log line would show. */
        public String text() {
            return throwable.isEmpty() ? message : message + "\n" + throwable;
        }
    }

    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final BasicMarkerFactory markers = new BasicMarkerFactory();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);

    /** Every event captured so far in this JVM. */
    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets the events captured so far. */
    public static void clear() {
        EVENTS.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            String thrown = "";
            if (throwable != null) {
                StringWriter w = new StringWriter();
                throwable.printStackTrace(new PrintWriter(w));
                thrown = w.toString();
            }
            Map<String, String> context = MDC.getCopyOfContextMap();
            EVENTS.add(new Event(level, name, message, thrown, context == null ? Map.of() : Map.copyOf(context)));
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println("[" + level + "] " + name + " - " + message + (thrown.isEmpty() ? "" : "\n" + thrown));
            }
        }
    }
}
