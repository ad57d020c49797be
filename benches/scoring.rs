//! Prints how long scoring takes: one full assessment, and a portfolio of 1,000.
//! A figure to read, not a pass/fail test (machines differ). Run: `cargo bench --bench scoring`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rapport::core::answers::{Answers, Choice};
use rapport::core::bank::{bank, Bank};
use rapport::core::scoring::score;

/// A deterministic spread of answers (including "don't know"), different for each `seed`.
fn answers(bank: &Bank, seed: u64) -> Answers {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    Answers::from_fn(bank, |q| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        match r % 12 {
            0 => Some(Choice::DontKnow),
            _ => Some(Choice::Option((r % q.options.len()) as u8)),
        }
    })
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let started = Instant::now();
    let bank = bank();
    println!(
        "bank parse (first use): {:.2} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let one = answers(bank, 7);
    let per_batch = 1_000;
    let samples: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                black_box(score(bank, black_box(&one)));
            }
            t.elapsed() / per_batch
        })
        .collect();
    let one_us = median(samples).as_secs_f64() * 1e6;
    println!("score one assessment: {one_us:.1} µs (median of 30 × {per_batch}; target < 1000 µs)");

    let portfolio: Vec<Answers> = (0..1_000).map(|i| answers(bank, i)).collect();
    let samples: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            for a in &portfolio {
                black_box(score(bank, a).summary());
            }
            t.elapsed()
        })
        .collect();
    println!(
        "score a portfolio of 1,000: {:.1} ms (median of 10)",
        median(samples).as_secs_f64() * 1e3
    );
}
