"""Random valid Argdown texts (seeded), for comparing argmap with the Argdown CLI.

Each text mixes what the syntax guide has: front matter (loose or strict mode), headings,
statement and argument trees with every relation symbol nested up to three levels, titled,
untitled and referenced elements, tags, data blocks, comments, texts over two lines,
inline formatting, links and mentions, lists, and premise-conclusion structures with one
or two inference lines (rules, `uses`, undercuts of an inference). It leaves out what
argmap refuses on purpose (a statement related to itself) and an Argdown quirk (an
undercut under a statement right after a premise-conclusion structure goes to that
structure's inference line), so every text means the same to both.
"""

from __future__ import annotations

import random

WORDS = [
    "tax",
    "sugar",
    "drinks",
    "health",
    "poor",
    "cost",
    "revenue",
    "children",
    "habit",
    "price",
    "market",
    "choice",
]


class ArgdownGen:
    """One random text: ``ArgdownGen(seed).text()``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.reconstructed: set[str] = set()
        self.lines: list[str] = []

    def words(self) -> str:
        rng = self.rng
        out = [rng.choice(WORDS) for _ in range(rng.randint(2, 6))]
        extra = rng.random()
        if extra < 0.1:
            out.insert(1, f"*{rng.choice(WORDS)}*")
        elif extra < 0.2:
            out.insert(1, f"**{rng.choice(WORDS)}**")
        elif extra < 0.3:
            out.insert(1, f"[{rng.choice(WORDS)}](https://example.org/x)")
        elif extra < 0.4:
            out.insert(1, f"@[S{rng.randint(1, 5)}]")
        elif extra < 0.45:
            out.insert(1, "\\#1")
        return " ".join(out)

    def tail(self) -> str:
        rng = self.rng
        out = ""
        if rng.random() < 0.3:
            out += f" #{rng.choice(WORDS)}"
        if rng.random() < 0.1:
            out += " #(two words)"
        if rng.random() < 0.2:
            out += rng.choice([" {n: 1}", ' {source: "p. 3", list: [1, two]}', " {ok: true}"])
        if rng.random() < 0.15:
            out += " // a comment"
        return out

    def element(self, kind: str, avoid: str) -> tuple[str, str]:
        """(text of the element, its ref); kind 'statement', 'argument' or 'any'."""
        rng = self.rng
        if kind == "any":
            kind = rng.choice(["statement", "statement", "argument"])
        if kind == "statement":
            form = rng.random()
            if form < 0.35:
                return self.words() + self.tail(), ""
            title = f"S{rng.randint(1, 5)}"
            while title == avoid:
                title = f"S{rng.randint(1, 5)}"
            if form < 0.7:
                return f"[{title}]: {self.words()}{self.tail()}", title
            return f"[{title}]" + (" #ref" if rng.random() < 0.2 else ""), title
        title = f"A{rng.randint(1, 5)}"
        while title == avoid:
            title = f"A{rng.randint(1, 5)}"
        if rng.random() < 0.6:
            return f"<{title}>: {self.words()}{self.tail()}", title
        return f"<{title}>", title

    def tree(self, depth: int, parent_kind: str, parent: str) -> None:
        rng = self.rng
        if depth > 3:
            return
        for _ in range(rng.randint(0, 3 if depth == 1 else 2)):
            symbol = rng.choice(["+", "-", "<+", "<-", "+>", "->", "><", "_", "<_", "_>"])
            if symbol == "><" and parent_kind != "statement":
                symbol = "+"
            if symbol in ("_", "<_") and parent_kind != "argument":
                symbol = "-"
            if symbol == "><":
                text, ref, kind = self.words(), "", "statement"  # a fresh statement
            elif symbol == "_>":
                kind = "argument"
                text, ref = self.element(kind, parent)
            else:
                kind = rng.choice(["statement", "argument"])
                text, ref = self.element(kind, parent)
            indent = "  " * depth
            self.lines.append(f"{indent}{symbol} {text}")
            plain = not text.endswith(("]", ">", "}", "#ref")) and "//" not in text
            if rng.random() < 0.15 and plain:
                self.lines.append(f"{indent}  {self.words()}")  # continued on a new line
            if rng.random() < 0.1:
                self.lines.append(f"{indent}  <!-- a comment -->")
            self.tree(depth + 1, kind, ref)

    def pcs(self, title: str | None) -> None:
        rng = self.rng
        if title:
            self.lines += [f"<{title}>", ""]
        n = 0
        for step in range(rng.randint(1, 2)):
            for _ in range(rng.randint(1, 2) if step else rng.randint(1, 3)):
                n += 1
                if rng.random() < 0.3:
                    self.lines.append(f"({n}) [P{rng.randint(1, 3)}]: {self.words()}")
                else:
                    self.lines.append(f"({n}) {self.words()}")
                if rng.random() < 0.2:
                    self.lines.append(f"  - {self.words()}")
            self.lines.append(
                rng.choice(["----", "--", "-- modus ponens --", "-- r {uses: [1]} --"])
            )
            if self.lines[-1] == "--":
                self.lines += ["some rule, another", "--"]
            if rng.random() < 0.15:
                self.lines.append(f"  <_ {self.words()}")
            n += 1
            self.lines.append(f"({n}) {self.words()}")
        self.lines.append("")

    def text(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            self.lines += [
                "===",
                "title: Generated",
                "model:",
                "    mode: strict" if rng.random() < 0.5 else "    mode: loose",
                "===",
                "",
            ]
        for _ in range(rng.randint(2, 7)):
            roll = rng.random()
            if roll < 0.12:
                self.lines += [f"{'#' * rng.randint(1, 3)} {self.words()}", ""]
            elif roll < 0.25:
                title = f"A{rng.randint(1, 5)}"
                if title in self.reconstructed:
                    continue
                self.reconstructed.add(title)
                self.pcs(title)
            elif roll < 0.3:
                self.pcs(None)
            elif roll < 0.37:
                self.lines += [
                    f"  * {self.words()}",
                    f"  * [S{rng.randint(1, 5)}]: {self.words()}",
                    "",
                ]
            else:
                kind = rng.choice(["statement", "statement", "argument"])
                text, ref = self.element(kind, "")
                if (text.startswith("<") and not text.startswith("<A")) or text.startswith("#"):
                    continue
                self.lines.append(text)
                self.tree(1, kind, ref)
                self.lines.append("")
        return "\n".join(self.lines) + "\n"
