import { apiError, explain } from '../engine/apiMessages';
import { mapAt, NEGATIVE_DETAIL, numberField, textField } from '../engine/objectFields';
import { defineRule, type RuleFinding } from '../types';

/**
 * A CronJob's own spec as pkg/apis/batch/validation/validation.go checks it on create
 * (`validateCronJobSpec`, `validateScheduleFormat`, `validateTimeZone`; the same from 1.27,
 * where the timeZone field went GA, to 1.36):
 * - `schedule` parses with github.com/robfig/cron/v3 `ParseStandard` (5 fields, or a descriptor
 *   such as `@hourly` or `@every 1h30m`); the parser's own error is the message;
 * - `schedule` contains no `TZ` (`TZ=` / `CRON_TZ=` prefixes): the `timeZone` field replaces them;
 * - `timeZone` is non-empty, made of IANA name components, and not `Local`. Whether the name is
 *   in the time zone database (`time.LoadLocation`) cannot be known here: only the syntax is checked;
 * - `startingDeadlineSeconds`, `successfulJobsHistoryLimit`, `failedJobsHistoryLimit` not negative.
 *
 * data: `{ field: string }` (the API path of the finding)
 */
export interface InvalidCronJobData {
  readonly field: string;
}

type Finding = RuleFinding<InvalidCronJobData>;

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: ReadonlyMap<string, number>;
}

const MONTH_NAMES = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [
    name,
    index + 1,
  ]),
);
const DAY_NAMES = new Map(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, index) => [name, index]));
/** Minute, hour, day of month, month, day of week (robfig/cron/v3 parser.go). */
const FIELD_BOUNDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 6, names: DAY_NAMES },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
/** Go `time.ParseDuration` syntax: `1h30m`, `90s`, `1.5h`. */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;
const NON_NEGATIVE = ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const;
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Go's `strconv.Atoi` then robfig's non-negative check, with their error texts. */
function parseNumber(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text))
    return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const value = Number(text);
  if (value < 0) return `negative number (${value}) not allowed: ${text}`;
  return value;
}

function parseIntOrName(text: string, bounds: Bounds): number | string {
  const named = bounds.names?.get(text.toLowerCase());
  return named ?? parseNumber(text);
}

/** robfig/cron/v3 `getRange`: one comma-separated part of a field; undefined when it parses. */
function rangeError(expression: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expression.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, bounds);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, bounds);
      if (typeof high === 'string') return high;
      end = high;
    } else return `too many hyphens: ${expression}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseNumber(rangeAndStep[1]!);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expression}`;
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expression}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expression}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expression}`;
  if (step === 0) return `step of range should be a positive number: ${expression}`;
  return undefined;
}

/** The error robfig/cron/v3 `ParseStandard` returns for a schedule, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  let spec = schedule;
  // The parser accepts a leading TZ=/CRON_TZ= (the API server refuses it separately).
  const zone = /^(?:CRON_TZ|TZ)=(\S*)\s*/.exec(spec);
  if (zone) spec = spec.slice(zone[0].length);
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      return GO_DURATION.test(duration)
        ? undefined
        : `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(duration)}`;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((part) => part !== '');
  if (fields.length !== FIELD_BOUNDS.length)
    return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [index, field] of fields.entries()) {
    for (const part of field.split(',').filter((item) => item !== '')) {
      const error = rangeError(part, FIELD_BOUNDS[index]!);
      if (error) return error;
    }
  }
  return undefined;
}

export const invalidCronJob = defineRule({
  id: 'invalid-cronjob',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A CronJob schedule in cron syntax without TZ= prefixes, a timeZone that is an IANA zone name (syntax only), and non-negative deadlines and history limits.',
  check(pod): Finding[] {
    if (pod.kind !== 'CronJob') return [];
    const spec = mapAt(pod.root, ['spec']);
    if (!spec) return [];
    const findings: Finding[] = [];
    const schedule = textField(spec, 'schedule');
    if (schedule && schedule.value !== '') {
      const path = 'spec.schedule';
      const error = cronScheduleError(schedule.value);
      if (error) {
        findings.push({
          message: explain(
            apiError.invalid(path, schedule.value, error),
            'a schedule is five fields (minute hour day-of-month month day-of-week), or @hourly, @daily, @weekly, @monthly, @yearly, @every <duration>.',
          ),
          range: schedule.node.range,
          data: { field: path },
        });
      }
      if (schedule.value.includes('TZ')) {
        findings.push({
          message: explain(
            apiError.invalid(path, schedule.value, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
            'set spec.timeZone (e.g. Europe/Berlin) and keep the schedule to its cron fields.',
          ),
          range: schedule.node.range,
          data: { field: path },
        });
      }
    }
    const timeZone = textField(spec, 'timeZone');
    if (timeZone) {
      const path = 'spec.timeZone';
      const zone = timeZone.value;
      let detail: string | undefined;
      if (zone === '') detail = 'timeZone must be nil or non-empty string';
      else if (
        zone
          .split('/')
          .some((part) => part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part))
      )
        detail = `unknown time zone ${zone}`;
      else if (zone.toLowerCase() === 'local')
        detail = 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
      if (detail) {
        findings.push({
          message: explain(
            apiError.invalid(path, zone, detail),
            "a time zone is an IANA name such as Etc/UTC or America/New_York (whether the cluster's time zone database has it is not checked here).",
          ),
          range: timeZone.node.range,
          data: { field: path },
        });
      }
    }
    for (const key of NON_NEGATIVE) {
      const field = numberField(spec, key);
      if (!field || field.value >= 0) continue;
      findings.push({
        message: explain(apiError.invalid(`spec.${key}`, field.value, NEGATIVE_DETAIL), `${key} cannot be negative.`),
        range: field.node.range,
        data: { field: `spec.${key}` },
      });
    }
    return findings;
  },
});
