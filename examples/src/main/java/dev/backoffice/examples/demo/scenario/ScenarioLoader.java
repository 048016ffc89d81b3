package dev.backoffice.examples.demo.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a scenario file with the SDK's JSON mapper (unknown fields are errors) and turns every
 * parse or mapping problem into a {@link ScenarioException} naming the file, the JSON path and
 * the reason. Semantic checks follow in {@link ScenarioChecker}.
 */
public final class ScenarioLoader {

    /** The scenario shipped with the demo. */
    public static final String BUILT_IN = "scenarios/nordwind-2026-03.json";

    private static final ObjectMapper MAPPER = BackofficeJson.mapper();

    private ScenarioLoader() {
    }

    /** Loads and checks a scenario file. */
    public static Scenario load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "$", "cannot read the file: " + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /** Loads and checks the built-in scenario. */
    public static Scenario builtIn() {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new ScenarioException(BUILT_IN, "$", "not found on the class path");
            }
            return parse("classpath:" + BUILT_IN, in.readAllBytes());
        } catch (IOException e) {
            throw new ScenarioException(BUILT_IN, "$", "cannot read: " + e.getMessage());
        }
    }

    /** Parses and checks scenario JSON; {@code name} is used in messages. */
    public static Scenario parse(String name, byte[] json) {
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(json, Scenario.class);
        } catch (JsonMappingException e) {
            throw new ScenarioException(name, jsonPath(e), reason(e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(name, where, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(name, "$", "cannot read: " + e.getMessage());
        }
        ScenarioChecker.check(name, scenario);
        return scenario;
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String reason(JsonMappingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        if (cut < 0) {
            cut = message.indexOf("\n");
        }
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
