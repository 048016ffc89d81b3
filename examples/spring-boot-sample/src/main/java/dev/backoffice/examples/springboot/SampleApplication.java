package dev.backoffice.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application: the SDK inside a Spring Boot application's own transactions. */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the application (embedded H2 unless {@code spring.datasource.url} says otherwise).
     *
     * @param args Spring Boot's command line
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
