#!/usr/bin/env python3
"""Runs the same bargaining domains and strategies in TradeTable and in NegMAS and prints a side-by-side table.

TradeTable's side is run as a command that prints a JSON trace (see docs/negmas-comparison.md);
NegMAS's side is built here from the same RON domain files, which this script parses itself
(a tiny parser for the subset of RON the domain files use), so the .ron files stay the one source of truth.

Usage (compare.sh sets all of this up):
    python compare.py --ours "cargo run --release --no-default-features --quiet --" \
        [--ours-timed "/path/to/tradetable"] [--domains DIR] [--steps 20,100] [--repeat 5] [--negmas-repeat 20]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

STRATEGIES = ["boulware", "linear", "conceder", "hardliner"]


# ---------------------------------------------------------------------------
# A tiny RON reader: structs `(field: value, ...)` (optionally named), lists, strings, numbers, comments.
# ---------------------------------------------------------------------------


class RonError(ValueError):
    pass


def _tokens(text: str):
    """Yields (kind, value, line, column) tokens; kinds: str, num, ident, punct."""
    i, line, line_start = 0, 1, 0
    n = len(text)
    while i < n:
        c = text[i]
        col = i - line_start + 1
        if c == "\n":
            line, line_start = line + 1, i + 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise RonError(f"{line}:{col}: unterminated block comment")
            line += text.count("\n", i, end)
            if "\n" in text[i:end]:
                line_start = text.rfind("\n", i, end) + 1
            i = end + 2
        elif c in "()[]:,":
            yield "punct", c, line, col
            i += 1
        elif c == '"':
            out, i = [], i + 1
            escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "0": "\0"}
            while True:
                if i >= n:
                    raise RonError(f"{line}:{col}: unterminated string")
                ch = text[i]
                if ch == '"':
                    i += 1
                    break
                if ch == "\\":
                    nxt = text[i + 1] if i + 1 < n else ""
                    if nxt in escapes:
                        out.append(escapes[nxt])
                        i += 2
                    elif nxt == "u" and text.startswith("{", i + 2):
                        end = text.index("}", i + 3)
                        out.append(chr(int(text[i + 3 : end], 16)))
                        i = end + 1
                    else:
                        raise RonError(f"{line}:{col}: unsupported escape \\{nxt}")
                else:
                    out.append(ch)
                    i += 1
            yield "str", "".join(out), line, col
        elif c.isdigit() or c in "+-.":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "._+-"):
                if text[j] in "+-" and text[j - 1] not in "eE":
                    break
                j += 1
            yield "num", text[i:j].replace("_", ""), line, col
            i = j
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            yield "ident", text[i:j], line, col
            i = j
        else:
            raise RonError(f"{line}:{col}: unexpected character {c!r}")


def parse_ron(text: str):
    tokens = list(_tokens(text))
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else ("eof", None, 0, 0)

    def expect(value):
        nonlocal pos
        kind, got, line, col = peek()
        if got != value:
            raise RonError(f"{line}:{col}: expected {value!r}, found {got!r}")
        pos += 1

    def value():
        nonlocal pos
        kind, got, line, col = peek()
        if kind == "str":
            pos += 1
            return got
        if kind == "num":
            pos += 1
            # Integers become floats too: every number in a domain file is an f64 on the Rust side.
            return float(got)
        if kind == "ident" and got in ("true", "false"):
            pos += 1
            return got == "true"
        if kind == "ident":  # a struct name such as `Domain(...)`: RON allows and ignores it here
            pos += 1
            kind, got, line, col = peek()
        if got == "[":
            pos += 1
            items = []
            while peek()[1] != "]":
                items.append(value())
                if peek()[1] == ",":
                    pos += 1
                elif peek()[1] != "]":
                    k, g, ln, cl = peek()
                    raise RonError(f"{ln}:{cl}: expected ',' or ']', found {g!r}")
            pos += 1
            return items
        if got == "(":
            pos += 1
            fields = {}
            while peek()[1] != ")":
                k, name, ln, cl = peek()
                if k != "ident":
                    raise RonError(f"{ln}:{cl}: expected a field name, found {name!r}")
                pos += 1
                expect(":")
                fields[name] = value()
                if peek()[1] == ",":
                    pos += 1
                elif peek()[1] != ")":
                    k, g, ln, cl = peek()
                    raise RonError(f"{ln}:{cl}: expected ',' or ')', found {g!r}")
            pos += 1
            return fields
        raise RonError(f"{line}:{col}: unexpected {got!r}")

    result = value()
    if pos != len(tokens):
        _, got, line, col = tokens[pos]
        raise RonError(f"{line}:{col}: trailing {got!r}")
    return result


# ---------------------------------------------------------------------------
# Utilities, computed exactly as TradeTable does (and as NegMAS's LinearAdditiveUtilityFunction does).
# ---------------------------------------------------------------------------


def normalised_weights(weights):
    # An explicit left-to-right loop, not sum(): Python 3.12+ sum() of floats is compensated, Rust's fold is not.
    total = 0.0
    for w in weights:
        total += w
    return [w / total for w in weights]


def all_outcomes(domain):
    """Outcomes as tuples of value names, last issue varying fastest (itertools.product order, like NegMAS)."""
    import itertools

    return list(itertools.product(*[issue["values"] for issue in domain["issues"]]))


def utility(party, domain, outcome):
    weights = normalised_weights(party["weights"])
    u = 0.0
    for i, (issue, value) in enumerate(zip(domain["issues"], outcome)):
        u += weights[i] * party["values"][i][issue["values"].index(value)]
    return u


def tied_utilities(party, domain):
    """How many outcomes share their exact utility with another: NegMAS orders such ties machine-dependently."""
    seen = {}
    for o in all_outcomes(domain):
        u = utility(party, domain, o)
        seen[u] = seen.get(u, 0) + 1
    return sum(c for c in seen.values() if c > 1)


# ---------------------------------------------------------------------------
# NegMAS's side
# ---------------------------------------------------------------------------


def make_negmas_tie_order_stable():
    """Makes NegMAS's presorting inverter sort with a stable argsort, i.e. keep exact ties in enumeration order.

    Only for diagnosis (--negmas-stable-ties): it shows that the order of tied outcomes is the one thing that
    separates the two sides on domains with ties. NegMAS itself uses numpy's default, unstable argsort.
    """
    import numpy
    from negmas.preferences.inv_ufun import presorting

    class StableArgsortNumpy:
        def __getattr__(self, name):
            return getattr(numpy, name)

        @staticmethod
        def argsort(a, *args, **kwargs):
            return numpy.argsort(a, kind="stable")

    presorting.np = StableArgsortNumpy()


def negmas_negotiator(strategy: str, name: str):
    from negmas.sao import AspirationNegotiator, ToughNegotiator

    if strategy == "hardliner":
        return ToughNegotiator(name=name)
    return AspirationNegotiator(aspiration_type=strategy, name=name)


def negmas_ufun(party, domain, outcome_space):
    from negmas.preferences import LinearAdditiveUtilityFunction

    weights = normalised_weights(party["weights"])
    values = {
        issue["name"]: dict(zip(issue["values"], party["values"][i]))
        for i, issue in enumerate(domain["issues"])
    }
    return LinearAdditiveUtilityFunction(
        values=values,
        weights={issue["name"]: weights[i] for i, issue in enumerate(domain["issues"])},
        outcome_space=outcome_space,
        reserved_value=party["reserved_value"],
    )


def run_negmas(domain, strategy_a: str, strategy_b: str, steps: int):
    from negmas import make_issue
    from negmas.sao import SAOMechanism

    issues = [make_issue(values=list(i["values"]), name=i["name"]) for i in domain["issues"]]
    mechanism = SAOMechanism(issues=issues, n_steps=steps)
    ufun_a = negmas_ufun(domain["a"], domain, mechanism.outcome_space)
    ufun_b = negmas_ufun(domain["b"], domain, mechanism.outcome_space)
    negotiator_a = negmas_negotiator(strategy_a, "a")
    negotiator_b = negmas_negotiator(strategy_b, "b")
    mechanism.add(negotiator_a, ufun=ufun_a)
    mechanism.add(negotiator_b, ufun=ufun_b)
    mechanism.run()
    party_of = {negotiator_a.id: "a", negotiator_b.id: "b"}
    offers = [
        {
            "step": step,
            "proposer": party_of[who],
            "outcome": list(outcome),
            "utility_a": float(ufun_a(outcome)),
            "utility_b": float(ufun_b(outcome)),
        }
        for step, who, outcome in mechanism.extended_trace
    ]
    agreement = mechanism.agreement
    return {
        "agreement": list(agreement) if agreement is not None else None,
        # The mechanism counts the step as done once the accepting round ends, so the round index is one less.
        "agreement_step": mechanism.state.step - 1 if agreement is not None else None,
        "offers": offers,
    }


def time_negmas(domain, strategy_a, strategy_b, steps, repeat):
    """Median seconds per negotiation, building the mechanism and ufuns included (as our command does)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_negmas(domain, strategy_a, strategy_b, steps)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# ---------------------------------------------------------------------------
# TradeTable's side
# ---------------------------------------------------------------------------


def ours_command(prefix, path, strategy_a, strategy_b, steps):
    return shlex.split(prefix) + [
        "negotiate",
        "--domain",
        path,
        "--a",
        strategy_a,
        "--b",
        strategy_b,
        "--steps",
        str(steps),
        "--format",
        "json",
    ]


def run_ours(prefix, path, strategy_a, strategy_b, steps):
    command = ours_command(prefix, path, strategy_a, strategy_b, steps)
    done = subprocess.run(command, capture_output=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"our command failed: {shlex.join(command)}")
    return done.stdout


def time_ours(prefix, path, strategy_a, strategy_b, steps, repeat):
    """Median wall seconds for the whole command, and whether every run printed the same bytes."""
    command = ours_command(prefix, path, strategy_a, strategy_b, steps)
    samples, outputs = [], set()
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
        outputs.add(done.stdout)
    return statistics.median(samples), outputs


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


def short(outcome):
    return "—" if outcome is None else " / ".join(outcome)


def same_offers(ours, theirs):
    if len(ours) != len(theirs):
        return False
    for o, t in zip(ours, theirs):
        if (o["step"], o["proposer"], o["outcome"]) != (t["step"], t["proposer"], t["outcome"]):
            return False
        if (o["utility_a"], o["utility_b"]) != (t["utility_a"], t["utility_b"]):
            return False
    return True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ours", required=True, help="command prefix that runs TradeTable (before `negotiate`)")
    parser.add_argument("--ours-timed", help="command prefix to time (default: --ours)")
    parser.add_argument("--domains", default=os.path.join(here, "domains"))
    parser.add_argument("--steps", default="20,100", help="comma-separated deadlines (rounds)")
    parser.add_argument("--strategies", default=",".join(STRATEGIES))
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of our command per case")
    parser.add_argument("--negmas-repeat", type=int, default=20, help="timed NegMAS runs per case")
    parser.add_argument("--json", help="also write every case, both traces included, to this file")
    parser.add_argument(
        "--negmas-stable-ties",
        action="store_true",
        help="diagnosis: make NegMAS keep tied outcomes in enumeration order, as we do",
    )
    args = parser.parse_args()

    import negmas

    if args.negmas_stable_ties:
        make_negmas_tie_order_stable()

    strategies = args.strategies.split(",")
    steps_list = [int(s) for s in args.steps.split(",")]
    paths = sorted(glob.glob(os.path.join(args.domains, "*.ron")))
    timed_prefix = args.ours_timed or args.ours
    patched = " (patched: stable tie order)" if args.negmas_stable_ties else ""
    print(f"NegMAS {negmas.__version__}{patched}; ours: `{args.ours}`; timed: `{timed_prefix}`")
    print()
    header = [
        "domain",
        "a vs b",
        "steps",
        "agreement (ours)",
        "agreement (NegMAS)",
        "step (ours)",
        "step (NegMAS)",
        "same?",
        "ours ms/neg",
        "NegMAS ms/neg",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    cases, differing, nondeterministic = [], 0, 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            domain = parse_ron(f.read())
        ties = {p: tied_utilities(domain[p], domain) for p in ("a", "b")}
        for steps in steps_list:
            for sa in strategies:
                for sb in strategies:
                    ours = json.loads(run_ours(args.ours, path, sa, sb, steps))
                    theirs = run_negmas(domain, sa, sb, steps)
                    ours_seconds, outputs = time_ours(timed_prefix, path, sa, sb, steps, args.repeat)
                    theirs_seconds = time_negmas(domain, sa, sb, steps, args.negmas_repeat)
                    same = (
                        ours["agreement"] == theirs["agreement"]
                        and ours["agreement_step"] == theirs["agreement_step"]
                        and same_offers(ours["offers"], theirs["offers"])
                    )
                    verdict = "yes" if same else "NO"
                    if len(outputs) != 1:
                        verdict += " (output not byte-identical across runs!)"
                        nondeterministic += 1
                    if ties["a"] or ties["b"]:
                        verdict += f" (tied utilities: a {ties['a']}, b {ties['b']})"
                    differing += 0 if same else 1
                    row = [
                        domain["name"],
                        f"{sa} vs {sb}",
                        str(steps),
                        short(ours["agreement"]),
                        short(theirs["agreement"]),
                        "—" if ours["agreement_step"] is None else str(ours["agreement_step"]),
                        "—" if theirs["agreement_step"] is None else str(theirs["agreement_step"]),
                        verdict,
                        f"{ours_seconds * 1000:.1f}",
                        f"{theirs_seconds * 1000:.1f}",
                    ]
                    print("| " + " | ".join(row) + " |", flush=True)
                    cases.append(
                        {
                            "domain": domain["name"],
                            "a": sa,
                            "b": sb,
                            "steps": steps,
                            "same": same,
                            "ours_ms": ours_seconds * 1000,
                            "negmas_ms": theirs_seconds * 1000,
                            "ours": ours,
                            "negmas": theirs,
                        }
                    )
    print()
    print(f"{len(cases)} cases: {len(cases) - differing} same, {differing} differ, {nondeterministic} not byte-identical")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(cases, f, indent=1)
    return 1 if differing or nondeterministic else 0


if __name__ == "__main__":
    sys.exit(main())
