package org.twinfold.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a YAML or JSON file named by {@code --config FILE}. Keys are option names
 * without the leading dashes ({@code threads: 2}, {@code learning-rate: 0.001}); options given on
 * the command line win. An unknown key is rejected with the list of valid keys. An option that takes
 * comma-separated values ({@code guidance-interval: 0.3,3}) may also be given a YAML or JSON list
 * ({@code guidance-interval: [0.3, 3]}).
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    /**
     * The option an error message is about: its opening name ("--threads is -2; ...") or picocli's quoted
     * name ("Invalid value for option '--seed': ...").
     */
    private static final Pattern NAMED_OPTION = Pattern.compile("^--([a-z][a-z0-9-]*)|option '--([a-z][a-z0-9-]*)'");

    private final Path file;
    private final Map<String, String> values;

    /** A config value as text, and whether it came from a YAML or JSON list, whose items are joined with commas. */
    private record Entry(String text, boolean list) {
    }

    private ConfigDefaults(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the {@code --config} file named in {@code args}, if any, and makes its values the defaults. */
    static void install(CommandLine root, List<String> args) {
        Path file = configPath(args);
        if (file == null) {
            return;
        }
        Map<String, Entry> entries = read(file);
        CommandLine target = subcommand(root, args);
        requireKnownKeys(file, entries, target.getCommandSpec());
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach((key, entry) -> values.put(key, entry.text()));
        target.setDefaultValueProvider(new ConfigDefaults(file, values));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            return values.get(stripDashes(option.longestName()));
        }
        return null;
    }

    /**
     * Returns where the value behind an error came from, such as " (--threads came from config file
     * run.yaml)". The text is empty unless the message is about an option that this file set and the
     * command line {@code args} do not give.
     */
    String origin(String message, List<String> args) {
        Matcher matcher = NAMED_OPTION.matcher(message);
        if (!matcher.find()) {
            return "";
        }
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        String option = "--" + name;
        boolean onCommandLine = args.stream().anyMatch(arg -> arg.equals(option) || arg.startsWith(option + "="));
        if (!values.containsKey(name) || onCommandLine) {
            return "";
        }
        return " (" + option + " came from config file " + file + ")";
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

    private static Map<String, Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("config file " + file + " does not exist; check the path given to --config");
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException("config file " + file + " must hold a mapping of option names to "
                        + "values, such as 'threads: 2'");
            }
            Map<String, Entry> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                values.put(entry.getKey(), entry(file, entry.getKey(), entry.getValue()));
            }
            return values;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String line = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidInputException("config file " + file + " is not valid YAML or JSON" + line + ": "
                    + parserProblem(e.getOriginalMessage()) + "; write one 'option: value' per line,"
                    + " such as 'threads: 2'");
        } catch (IOException e) {
            throw new InvalidInputException("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Returns the parser's description of a syntax error without the quoted file excerpt: the YAML parser's
     * message interleaves indented excerpt lines and caret marks with its unindented explanations.
     */
    private static String parserProblem(String message) {
        return String.join(", ", message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(
                line.charAt(0))).toList());
    }

    private static Entry entry(Path file, String key, JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (item.isContainerNode()) {
                    throw new InvalidInputException("config key '" + key + "' in " + file + " has a nested list or"
                            + " mapping; give a single value or a list of values");
                }
                items.add(item.asText());
            }
            return new Entry(String.join(",", items), true);
        }
        if (value.isObject()) {
            throw new InvalidInputException("config key '" + key + "' in " + file + " has a mapping as its value;"
                    + " give a single value");
        }
        return new Entry(value.asText(), false);
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

    private static void requireKnownKeys(Path file, Map<String, Entry> values, CommandSpec spec) {
        Map<String, OptionSpec> known = new TreeMap<>();
        for (OptionSpec option : spec.options()) {
            known.put(stripDashes(option.longestName()), option);
        }
        // --help and --version make no sense as defaults in a file.
        known.remove("config");
        known.remove("help");
        known.remove("version");
        for (Map.Entry<String, Entry> value : values.entrySet()) {
            OptionSpec option = known.get(value.getKey());
            if (option == null) {
                throw new InvalidInputException("config file " + file + " has unknown key '" + value.getKey()
                        + "' for '" + spec.qualifiedName() + "'; valid keys are " + known.keySet());
            }
            if (value.getValue().list() && !takesCommas(option)) {
                throw new InvalidInputException("config key '" + value.getKey() + "' in " + file + " has a list as"
                        + " its value, but " + option.longestName() + " takes a single value; give one value");
            }
        }
    }

    /** Returns whether an option's value is a comma-separated list, such as LOW,HIGH. */
    private static boolean takesCommas(OptionSpec option) {
        return ",".equals(option.splitRegex()) || option.paramLabel().contains(",");
    }

    private static String stripDashes(String name) {
        return name.replaceFirst("^-+", "");
    }
}
