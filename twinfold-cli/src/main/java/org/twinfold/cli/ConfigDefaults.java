package org.twinfold.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a YAML or JSON file named by {@code --config FILE}. Keys are option names
 * without the leading dashes ({@code threads: 2}, {@code learning-rate: 0.001}); options given on
 * the command line win. An unknown key is rejected with the list of valid keys.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> values;

    private ConfigDefaults(Map<String, String> values) {
        this.values = values;
    }

    /** Reads the {@code --config} file named in {@code args}, if any, and makes its values the defaults. */
    static void install(CommandLine root, List<String> args) {
        Path file = configPath(args);
        if (file == null) {
            return;
        }
        Map<String, String> values = read(file);
        CommandLine target = subcommand(root, args);
        requireKnownKeys(file, values, target.getCommandSpec());
        target.setDefaultValueProvider(new ConfigDefaults(values));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            return values.get(stripDashes(option.longestName()));
        }
        return null;
    }

    private static Path configPath(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (arg.startsWith("--config=")) {
                return Path.of(arg.substring("--config=".length()));
            }
        }
        return null;
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("config file " + file + " does not exist; check the path given to --config");
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException("config file " + file + " must hold a mapping of option names to "
                        + "values, such as 'threads: 2'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                JsonNode value = entry.getValue();
                if (value.isContainerNode()) {
                    throw new InvalidInputException("config key '" + entry.getKey() + "' in " + file
                            + " has a list or mapping as its value; give a single value");
                }
                values.put(entry.getKey(), value.asText());
            }
            return values;
        } catch (IOException e) {
            throw new InvalidInputException("config file " + file + " is not valid YAML or JSON: " + e.getMessage());
        }
    }

    private static CommandLine subcommand(CommandLine root, List<String> args) {
        CommandLine current = root;
        for (String arg : args) {
            CommandLine next = current.getSubcommands().get(arg);
            if (next != null) {
                current = next;
            }
        }
        return current;
    }

    private static void requireKnownKeys(Path file, Map<String, String> values, CommandSpec spec) {
        Set<String> known = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            known.add(stripDashes(option.longestName()));
        }
        known.remove("config");
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException("config file " + file + " has unknown key '" + key + "' for '"
                        + spec.qualifiedName() + "'; valid keys are " + known);
            }
        }
    }

    private static String stripDashes(String name) {
        return name.replaceFirst("^-+", "");
    }
}
