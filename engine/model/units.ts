/**
 * The model's units: time in millisecond ticks, mass in grams, volume in litres — all whole
 * numbers, so that sums of decimal inputs compare exactly against capacities and deadlines.
 */
import { ticks } from '../kernel/index.ts';

export const MS_PER_MIN = 60_000;
export const MS_PER_H = 3_600_000;

/** Minutes to ticks (ms), rounded to the nearest millisecond. */
export const minutes = (min: number): number => ticks(min, MS_PER_MIN);
/** Hours to ticks (ms), rounded to the nearest millisecond. */
export const hours = (h: number): number => ticks(h, MS_PER_H);
/** Kilograms to whole grams. */
export const grams = (kg: number): number => Math.round(kg * 1000);
/** Cubic metres to whole litres. */
export const litres = (m3: number): number => Math.round(m3 * 1000);

/** Ticks to minutes, for reports. */
export const toMinutes = (ms: number): number => ms / MS_PER_MIN;
