// peers.mjs: DuckDB's side of bench/peers.sh, run by Node with @duckdb/node-api
// from the bench's own folder (never a project dependency).
// Usage: node peers.mjs WORK_DIR ROUND
// Loads WORK_DIR/survey_{2022..2025}.csv into a DuckDB file database, computes
// the 560 estimates of bench/estimate.sh (20 questions x (6 areas + Järva) x
// 4 years: share answering 1-2 among 1-5 and its stratified Taylor standard
// error), then the ad-hoc estimate on WORK_DIR/adhoc.csv (one question, 24
// domains: area x age group), and prints "duckdb PHASE SECONDS" per phase.
// The estimates go to WORK_DIR/duckdb_compute.csv and duckdb_adhoc.csv
// (written after the timing, with 17 significant digits).
//
// The SQL is the textbook one from grouped sums (Lumley 2010 sec. 2.2; see
// libjarva/src/stats/stats_sums.c): per domain d and stratum h
//   B = sum w, Y = sum w y, A = sum w^2, C = sum w^2 y   (y in {0, 1}, y^2 = y)
// over the domain's valid answers, W and m = sum Y / W over the strata, and
//   S1_h = (Y - m B) / W,  S2_h = (C (1 - 2m) + m^2 A) / W^2,
//   V = sum_h n_h / (n_h - 1) (S2_h - S1_h^2 / n_h),
// n_h being every respondent of the wave in stratum h (R's subset keeps it).
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync, rmSync } from 'node:fs';

const [work, round] = process.argv.slice(2);
const years = [2022, 2023, 2024, 2025];
const files = years.map((y) => `'${work}/survey_${y}.csv'`).join(', ');
const now = () => performance.now() / 1000;
// Processor seconds of the whole process, every thread (DuckDB's included).
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const dbPath = `${work}/duckdb.db`;
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const instance = await DuckDBInstance.create(dbPath, { threads: '2' });
const con = await instance.connect();

// Excel's CSV: ';', decimal comma. Every column's type given, as jarva's
// mapping gives them, so that nothing is sniffed from a sample.
const questions = Array.from({ length: 20 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`);
const columns = `{'lopnr': 'BIGINT', 'ar': 'INTEGER', 'omrade': 'VARCHAR', 'strata': 'VARCHAR',
  'vikt': 'DOUBLE', 'kon': 'VARCHAR', 'aldersgrupp': 'VARCHAR', ${questions
    .map((q) => `'${q}': 'TINYINT'`)
    .join(', ')}}`;
const reader = (what) =>
  `read_csv(${what}, delim = ';', decimal_separator = ',', header = true, columns = ${columns})`;

let t = now();
let c = cpu();
await con.run(`CREATE TABLE survey AS SELECT * FROM ${reader(`[${files}]`)}`);
await con.run('CHECKPOINT');
const load = [now() - t, cpu() - c];

// The estimates of one (question, year, domain) from grouped sums.
const finish = (keys) => `
  domain AS (SELECT ${keys}, sum(B) AS W, sum(Y) / sum(B) AS m FROM cells GROUP BY ALL),
  terms AS (
    SELECT ${keys.split(', ').map((k) => `c.${k}`).join(', ')}, d.m,
           n_h / (n_h - 1) * ((C * (1 - 2 * d.m) + d.m * d.m * A) / (d.W * d.W)
                              - ((Y - d.m * B) / d.W) ^ 2 / n_h) AS v
    FROM cells c JOIN domain d USING (${keys}) JOIN strata s USING (year, strata))
  SELECT ${keys}, any_value(m) AS estimate, sqrt(sum(v)) AS se FROM terms GROUP BY ALL`;

const computeSql = `
  WITH long AS (
    SELECT ar AS year, omrade AS area, strata, vikt AS w, q, code
    FROM (UNPIVOT survey ON ${questions.join(', ')} INTO NAME q VALUE code)
    WHERE code BETWEEN 1 AND 5),
  strata AS (SELECT ar AS year, strata, count(*)::DOUBLE AS n_h FROM survey GROUP BY ALL),
  cells AS (
    SELECT q, year, coalesce(area, 'Järva') AS area, strata, sum(w) AS B,
           sum(CASE WHEN code <= 2 THEN w ELSE 0 END) AS Y, sum(w * w) AS A,
           sum(CASE WHEN code <= 2 THEN w * w ELSE 0 END) AS C
    FROM long GROUP BY GROUPING SETS ((q, year, area, strata), (q, year, strata))),
  ${finish('q, year, area')}`;
t = now();
c = cpu();
const computed = await (await con.run(computeSql)).getRows();
const compute = [now() - t, cpu() - c];

// Ad hoc: the CSV file read and estimated in one statement, as an analyst
// with DuckDB would (nothing stored). The file is one design: its strata
// are pooled over the waves it holds, as jarva estimate takes them.
const adhocSql = `
  WITH survey AS (SELECT * FROM ${reader(`'${work}/adhoc.csv'`)}),
  strata AS (SELECT 0 AS year, strata, count(*)::DOUBLE AS n_h FROM survey GROUP BY ALL),
  cells AS (
    SELECT 0 AS year, omrade AS area, aldersgrupp AS age, strata, sum(vikt) AS B,
           sum(CASE WHEN F01 <= 2 THEN vikt ELSE 0 END) AS Y, sum(vikt * vikt) AS A,
           sum(CASE WHEN F01 <= 2 THEN vikt * vikt ELSE 0 END) AS C
    FROM survey WHERE F01 BETWEEN 1 AND 5 AND omrade IS NOT NULL AND aldersgrupp IS NOT NULL
    GROUP BY ALL),
  ${finish('year, area, age')}`;
t = now();
c = cpu();
const adhoc = await (await con.run(adhocSql)).getRows();
const adhocTime = [now() - t, cpu() - c];

const show = ([wall, proc]) => `${wall.toFixed(3)} ${proc.toFixed(3)}`;
console.log(`duckdb load ${show(load)}`);
console.log(`duckdb compute ${show(compute)}`);
console.log(`duckdb adhoc ${show(adhocTime)}`);
if (round === '1') {
  const num = (x) => Number(x).toPrecision(17);
  writeFileSync(
    `${work}/duckdb_compute.csv`,
    computed
      .map(([q, year, area, est, se]) => `bench-q${q.slice(1)},${year},${area},${num(est)},${num(se)}`)
      .join('\n') + '\n',
  );
  writeFileSync(
    `${work}/duckdb_adhoc.csv`,
    adhoc.map(([, area, age, est, se]) => `${area},${age},${num(est)},${num(se)}`).join('\n') + '\n',
  );
}
con.closeSync();
instance.closeSync();
