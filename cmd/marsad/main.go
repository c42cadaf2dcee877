// Command marsad codes Arabic and English news into PLOVER political events.
//
// Every subcommand lives in its own file of this package and registers
// itself in init(); main only dispatches, prints help and sets up logging.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand. Name may have two words ("eval events").
type command struct {
	Name    string
	Summary string // one line for the command list
	Usage   string // argument synopsis, e.g. "[flags] FILE..."
	Example string // one or more example invocations
	// Flags declares the flags on fs; Run gets the remaining arguments.
	Flags func(fs *flag.FlagSet)
	Run   func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv is what a command may use instead of globals, so tests can run
// commands in-process.
type cliEnv struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.Name]; dup {
		panic("duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// errUsage marks an error in the command line: run prints it (when it
// says more than errUsage) with the command's usage line.
var errUsage = errors.New("usage")

// usageErr is an error in the command line, explained.
func usageErr(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first Ctrl-C asks the command to finish what it is writing; a
	// second one, with the default handler back, ends the process.
	go func() { <-ctx.Done(); stop() }()
	env := &cliEnv{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, env *cliEnv, args []string) int {
	level := slog.LevelInfo
	if v := os.Getenv("MARSAD_LOG"); v == "debug" {
		level = slog.LevelDebug
	}
	if env.Log == nil {
		env.Log = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 && args[0] == "help" {
			return run(ctx, env, append(args[1:], "--help"))
		}
		printHelp(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(env.Stdout, versionString())
		return 0
	}
	c, rest := lookup(args)
	if c == nil {
		if group := groupOf(args[0]); len(group) > 0 {
			fmt.Fprintf(env.Stderr, "marsad %s: choose one of:\n", args[0])
			for _, g := range group {
				fmt.Fprintf(env.Stderr, "  marsad %-18s %s\n", g.Name, g.Summary)
			}
			return 2
		}
		msg := fmt.Sprintf("marsad: unknown command %q", termSafe(args[0]))
		if near := nearestCommand(args[0]); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		fmt.Fprintf(env.Stderr, "%s (marsad --help lists the commands)\n", msg)
		return 2
	}
	fs := flag.NewFlagSet("marsad "+c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed once, below
	if c.Flags != nil {
		c.Flags(fs)
	}
	fs.Usage = func() {}
	usageLine := func() {
		fmt.Fprintf(env.Stderr, "usage: marsad %s %s (marsad %s --help for more)\n", c.Name, c.Usage, c.Name)
	}
	positional, err := parseInterspersed(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(env.Stdout, c, fs)
			return 0
		}
		fmt.Fprintf(env.Stderr, "marsad %s: %v\n", c.Name, err)
		usageLine()
		return 2
	}
	if path := os.Getenv("MARSAD_CPUPROFILE"); path != "" {
		if stop, err := startCPUProfile(path); err == nil {
			defer stop()
		} else {
			fmt.Fprintf(env.Stderr, "marsad: cpu profile: %v\n", err)
		}
	}
	if err := c.Run(ctx, env, positional); err != nil {
		if errors.Is(err, errUsage) {
			switch {
			case err != errUsage:
				fmt.Fprintf(env.Stderr, "marsad %s: %s\n", c.Name, strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
			case len(positional) > 0:
				fmt.Fprintf(env.Stderr, "marsad %s: unexpected argument %q\n", c.Name, termSafe(positional[0]))
			default:
				fmt.Fprintf(env.Stderr, "marsad %s: missing arguments or flags\n", c.Name)
			}
			usageLine()
			return 2
		}
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(env.Stderr, "marsad %s: interrupted\n", c.Name)
			return 130
		}
		fmt.Fprintf(env.Stderr, "marsad %s: %s\n", c.Name, onceEach(err.Error()))
		return 1
	}
	return 0
}

// onceEach drops repeated lines of an error message (the PostgreSQL driver
// reports each failed connection attempt, often the same one twice).
func onceEach(msg string) string {
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(msg, "\n") {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// nearestCommand is the command name (or first word of one) closest to a
// misspelt word, "" when none is within two edits.
func nearestCommand(word string) string {
	best, bestD := "", 3
	names := []string{"version", "help"}
	for n := range commands {
		names = append(names, n, strings.Fields(n)[0])
	}
	sort.Strings(names)
	for _, n := range names {
		if d := editDistance(word, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// parseInterspersed parses flags that may come after positional arguments
// (marsad code FILE --date 2019-10-25), as users type them. "--" ends flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// lookup finds the longest registered command name that prefixes args.
func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:]
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c, args[1:]
	}
	return nil, nil
}

func groupOf(word string) []*command {
	var out []*command
	for name, c := range commands {
		if strings.HasPrefix(name, word+" ") {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `marsad — Arabic-first political event coder and conflict observatory

Marsad reads Arabic (and English) news and writes structured political events
in the PLOVER ontology (with CAMEO codes), with actors, places, dates,
attribution, modality, fatalities and exact character offsets.

Usage:
  marsad <command> [flags] [arguments]
  marsad <command> --help      full help for one command

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-20s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintf(w, "  %-20s %s\n", "version", "print the version (also --version)")
	fmt.Fprint(w, `
Environment:
  MARSAD_DATA   a knowledge folder laid out like the built-in data/ (actors-curated.tsv,
                triggers.tsv, cues.tsv, dates.tsv, filter/, ner/, discover/, export/ …):
                each file it holds replaces the built-in file of the same path, file
                by file, and the others stay built-in; edit and re-run, no rebuild
                needed (the segmenter's word lists in data/arabic/ are always built-in)
  MARSAD_NO_FILTER  set to code with the rules alone, without the learned event filter
  MARSAD_DB     store to use when --db is not given (default marsad.db)
  MARSAD_LOG    "debug" for verbose logs on stderr
  MARSAD_CPUPROFILE  write a Go CPU profile of the command to this file (go tool pprof)

Example:
  marsad code ../shared/seed/000_a763ce97bed870a3.txt --date 2019-10-25
`)
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "marsad %s — %s\n\nUsage:\n  marsad %s %s\n", c.Name, c.Summary, c.Name, c.Usage)
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	if c.Example != "" {
		fmt.Fprintf(w, "\nExample:\n%s\n", indent(c.Example))
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

// startCPUProfile profiles the command into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func versionString() string { return "marsad " + marsadVersion() }
