"""The benchmarks' texts: short sentences of 5 to 25 words from a fixed vocabulary of made-up
words, the same on every run (seeded). Every word is one token of the MiniLM-shaped model's
vocabulary (build_minilm.py), so a text is 7 to 27 tokens with [CLS] and [SEP], about what
all-MiniLM-L6-v2's tokenizer makes of English sentences of that length."""

import random

SYLLABLES = ("ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "qui", "na", "be", "zu", "fa",
             "ri", "mon", "te", "ul", "sho", "pa", "gri")
WORDS = 4000


def words():
    chooser = random.Random(11)
    found = []
    seen = set()
    while len(found) < WORDS:
        word = "".join(chooser.choice(SYLLABLES) for _ in range(chooser.randint(1, 4)))
        if word not in seen:
            seen.add(word)
            found.append(word)
    return found


def texts(count):
    vocabulary = words()
    chooser = random.Random(5)
    return [" ".join(chooser.choice(vocabulary) for _ in range(chooser.randint(5, 25)))
            for _ in range(count)]
