package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code datagen} command: entry point for the local launcher and for spark-submit. */
@Command(
    name = "datagen",
    versionProvider = VersionCommand.Provider.class,
    description =
        "Generates realistic, reproducible PostgreSQL test data as pg_dump archives, with Apache Spark.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      InspectCommand.class,
      CleanCommand.class,
      TemplateCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      ManPageCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:usage error or unexpected failure",
      "2:invalid schema",
      "3:generation failed",
      "4:output could not be written",
      "5:verification failed",
      "130:interrupted (SIGINT, Ctrl-C); this run's partial output and staging were removed",
      "143:terminated (SIGTERM); this run's partial output and staging were removed"
    })
public final class DatagenCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  /** {@code -v}: the original Go tool's spelling of {@code --version} on the root command. */
  @CommandLine.Option(
      names = {"-V", "-v", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @Override
  public void run() {
    List<String> commands =
        spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing command: one of "
            + String.join(", ", commands)
            + " (datagen help COMMAND or datagen COMMAND --help for its options)");
  }

  public static void main(String[] args) {
    System.exit(
        execute(
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            CliEnvironment.system(),
            args));
  }

  /**
   * Runs a command with defaults from the environment and a config file ({@link ConfigDefaults}):
   * what {@code datagen} does.
   */
  public static int execute(
      PrintWriter out, PrintWriter err, CliEnvironment environment, String... args) {
    CommandLine cli = commandLine(out, err);
    ConfigDefaults defaults;
    try {
      defaults = ConfigDefaults.load(environment, explicitConfig(args), configurableKeys(cli));
    } catch (DatagenException e) {
      err.println(messageOf(e));
      err.flush();
      return e.category().exitCode();
    }
    cli.setDefaultValueProvider(defaults);
    defaults.notes().forEach(err::println);
    CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          String source = fromDefaults(e, arguments) ? defaults.sourceOf(option(e)) : null;
          if (source == null) {
            return standard.handleParseException(e, arguments);
          }
          // A bad default names where it came from, not the option the user never typed.
          String reason = e.getMessage();
          e.getCommandLine()
              .getErr()
              .println(
                  "datagen: Invalid value for "
                      + source
                      + reason.substring(Math.max(0, reason.indexOf(':'))));
          e.getCommandLine().getErr().flush();
          return ErrorCategory.USAGE.exitCode();
        });
    return cli.execute(args);
  }

  private static CommandLine.Model.OptionSpec option(CommandLine.ParameterException e) {
    return e.getArgSpec() instanceof CommandLine.Model.OptionSpec option ? option : null;
  }

  /** Whether the bad value is an option's default: the option itself is not on the command line. */
  private static boolean fromDefaults(CommandLine.ParameterException e, String[] arguments) {
    CommandLine.Model.OptionSpec option = option(e);
    if (option == null) {
      return false;
    }
    for (String argument : arguments) {
      for (String name : option.names()) {
        if (argument.equals(name) || argument.startsWith(name + "=")) {
          return false;
        }
      }
    }
    return true;
  }

  /** The {@code --config} argument, read before parsing because it decides the defaults. */
  static String explicitConfig(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if ((args[i].equals("--config") || args[i].equals("-c")) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--config=")) {
        return args[i].substring("--config=".length());
      }
      if (args[i].startsWith("-c") && args[i].length() > 2) {
        return args[i].substring(args[i].charAt(2) == '=' ? 3 : 2);
      }
    }
    return null;
  }

  private static java.util.Set<String> configurableKeys(CommandLine cli) {
    java.util.Set<String> keys = new java.util.TreeSet<>();
    for (CommandLine sub : cli.getSubcommands().values()) {
      for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
        String key = ConfigDefaults.keyOf(option);
        if (key != null) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  /** The configured command line without outside defaults, with out/err injectable for tests. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DatagenCli());
    addHelpOptions(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(DatagenCli::exitCodeOf);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message = messageOf(e);
          if (e instanceof DatagenException de && de.category() == ErrorCategory.USAGE) {
            // The command's options are one --help away: say which (on the same line).
            message += " (see " + commandLine.getCommandSpec().qualifiedName() + " --help)";
          }
          commandLine.getErr().println(message);
          if (commandLine.getCommand() instanceof GenerateCommand generate && generate.verbose) {
            e.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().flush();
          return exitCodeOf(e);
        });
    return cli;
  }

  /** {@code -h/--help} on every command and subcommand that does not declare its own. */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
      if (spec.findOption("--help") == null) {
        spec.addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      addHelpOptions(sub);
    }
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof DatagenException de) {
      return de.category().exitCode();
    }
    return ErrorCategory.USAGE.exitCode();
  }

  static String messageOf(Throwable e) {
    if (e instanceof DatagenException) {
      return "datagen: " + e.getMessage();
    }
    StringBuilder message = new StringBuilder("datagen: unexpected failure: ").append(e);
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      message.append("\n  caused by: ").append(cause);
    }
    return message.toString();
  }
}
