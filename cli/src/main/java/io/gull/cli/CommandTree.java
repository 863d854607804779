package io.gull.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The commands under a command, and their own subcommands, registered with picocli per run. Picocli builds the model
 * of every registered command by reflection before it parses a single argument: about 0.3 s on a small machine for
 * all of Gull's commands, while a run needs one. So a run registers only the commands its arguments name; the usage
 * ({@code --help}, {@code help}, no or an unknown command) gets all of them, and a typo its suggestions.
 */
final class CommandTree {
    private final Map<String, Class<?>> commands = new LinkedHashMap<>();
    private final Map<String, List<Class<?>>> subcommands = new HashMap<>();

    /** Adds a command; the usage lists the commands in the order they were added. */
    CommandTree command(Class<?> command) {
        commands.put(nameOf(command), command);
        return this;
    }

    /** Adds a command that only groups its subcommands, e.g. {@code devices}. */
    CommandTree group(Class<?> group, List<Class<?>> groupSubcommands) {
        command(group);
        subcommands.put(nameOf(group), List.copyOf(groupSubcommands));
        return this;
    }

    /**
     * Registers with {@code parent} what {@code args} need: the command {@code args[0]} names (with the subcommand
     * {@code args[1]} names, if it is a group), or every command when it names none.
     */
    void addTo(CommandLine parent, IFactory factory, List<String> args) {
        String first = args.isEmpty() ? "" : args.get(0);
        boolean named = commands.containsKey(first) && !"help".equals(first);
        commands.forEach((name, type) -> {
            if (named && !name.equals(first)) {
                return;
            }
            CommandLine command = new CommandLine(type, factory);
            List<Class<?>> children = subcommands.getOrDefault(name, List.of());
            if (!children.isEmpty()) {
                CommandTree group = new CommandTree();
                children.forEach(group::command);
                group.addTo(command, factory, named ? args.subList(1, args.size()) : List.of());
            }
            parent.addSubcommand(name, command);
        });
    }

    private static String nameOf(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation == null || annotation.name().isEmpty()) {
            throw new IllegalArgumentException(command + " is not a named @Command");
        }
        return annotation.name();
    }
}
