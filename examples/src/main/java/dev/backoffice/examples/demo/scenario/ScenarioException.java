package dev.backoffice.examples.demo.scenario;

/**
 * A scenario file cannot be run: names the file, the place inside it (a JSON path such as
 * {@code $.entities[0].orders[2].lines[0].sku}) and the reason. Thrown before anything is
 * written.
 */
public final class ScenarioException extends RuntimeException {

    private final String file;
    private final String path;
    private final String reason;

    public ScenarioException(String file, String path, String reason) {
        super(file + " at " + path + ": " + reason);
        this.file = file;
        this.path = path;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
