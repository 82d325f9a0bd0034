#!/usr/bin/env python3
"""Makes the game's sound cues (assets/sounds/*.wav) from sine tones: our own work, CC0 like the rest of assets/sounds.

Each cue is a few short notes with a soft attack and an exponential decay, mono, 16-bit, 22,050 Hz, so each file is a
few tens of kB. Plain Python (wave, math, struct): no package to install. The output is the same bytes every run.

  offer.wav      an offer arrives: two rising notes, a light "ding-ding"
  deal.wav       a deal is signed: a rising major arpeggio ending on a held chord
  walk_away.wav  a side walks away or the talks collapse: two falling notes, lower and darker
  event.wav      an event card: a short bell-like tone with an overtone
  deadline.wav   the last round begins, or the deadline passes: three even ticks

Usage: python3 scripts/make-sounds.py
"""

import math
import os
import struct
import wave

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "assets", "sounds")
RATE = 22050
PEAK = 0.5  # of full scale: cues sit under speech and music, and the settings' volume scales them further


def note(freq, seconds, attack=0.01, decay=6.0, overtones=((2.0, 0.25),)):
    """One note: a sine with a few overtones, a linear attack and an exponential decay."""
    samples = []
    for n in range(int(RATE * seconds)):
        t = n / RATE
        envelope = min(1.0, t / attack) * math.exp(-decay * t)
        value = math.sin(2 * math.pi * freq * t)
        for ratio, weight in overtones:
            value += weight * math.sin(2 * math.pi * freq * ratio * t)
        samples.append(envelope * value)
    # Fade the last 5 ms to silence, so the cue ends without a click.
    fade = int(RATE * 0.005)
    for k in range(1, min(fade, len(samples)) + 1):
        samples[-k] *= (k - 1) / fade
    return samples


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def mix(*layers):
    length = max(len(layer) for layer in layers)
    return [sum(layer[n] for layer in layers if n < len(layer)) for n in range(length)]


def write(name, samples):
    scale = PEAK / max(abs(s) for s in samples)
    frames = b"".join(struct.pack("<h", round(s * scale * 32767)) for s in samples)
    path = os.path.join(OUT, name)
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(frames)
    print(f"{os.path.relpath(path, REPO)}: {len(samples) / RATE:.2f} s, {os.path.getsize(path):,} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    # A5 then E6: a rising fifth.
    write("offer.wav", note(880.0, 0.12, decay=18) + note(1318.5, 0.30, decay=10))
    # C5 E5 G5, then the C major chord held.
    arpeggio = note(523.3, 0.11, decay=14) + note(659.3, 0.11, decay=14) + note(784.0, 0.11, decay=14)
    chord = mix(note(523.3, 0.7, decay=4), note(659.3, 0.7, decay=4), note(784.0, 0.7, decay=4), note(1046.5, 0.7, decay=5))
    write("deal.wav", arpeggio + chord)
    # E4 then B3, a falling fourth, with fewer overtones: duller.
    dull = ((2.0, 0.1),)
    write("walk_away.wav", note(329.6, 0.22, decay=7, overtones=dull) + note(246.9, 0.55, decay=5, overtones=dull))
    # A bell: inharmonic overtones, slow decay.
    write("event.wav", note(987.8, 0.6, attack=0.003, decay=7, overtones=((2.76, 0.35), (5.4, 0.12))))
    # Three ticks at D6.
    tick = note(1174.7, 0.06, attack=0.002, decay=45, overtones=())
    write("deadline.wav", tick + silence(0.12) + tick + silence(0.12) + tick)


if __name__ == "__main__":
    main()
