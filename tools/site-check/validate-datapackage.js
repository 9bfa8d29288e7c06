#!/usr/bin/env node
// Validates the site's open data as a Frictionless data package, with the
// pinned datapackage library (Data Package v1): for each datapackage.json
// given, it validates the descriptor against its profile, checks each
// resource's size and sha256 hash, reads every row of each tabular resource
// with its schema (types, required fields, the primary key's uniqueness,
// foreign keys), and checks that the JSON file beside the CSV holds the
// same rows. Any problem is printed with its file and the script exits 1.
//
//   node validate-datapackage.js public/tal/data/datapackage.json public/en/tal/data/datapackage.json
//
// One allowance: the CSV starts with a UTF-8 byte order mark, which Excel
// needs to read æ, ø and å. datapackage 1.1.10 hands the file to csv-parse
// without csv-parse's bom option, so the mark would stay in the first
// column's name; the reference implementation, frictionless-py, skips it.
// The script sets that option on the library's own table for the resource,
// which skips a byte order mark at the start and changes nothing else.

'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const {Package} = require('datapackage');

async function validate(file) {
  const problems = [];
  const dir = path.dirname(path.resolve(file));
  const pkg = await Package.load(path.resolve(file), {basePath: dir});
  if (!pkg.valid) {
    for (const e of pkg.errors) problems.push(`descriptor: ${e.message || e}`);
    return problems;
  }
  const tables = {};
  for (const resource of pkg.resources) {
    const name = resource.name;
    if (!resource.valid) {
      for (const e of resource.errors) problems.push(`resource ${name}: ${e.message || e}`);
      continue;
    }
    const d = resource.descriptor;
    if (!resource.local || typeof d.path !== 'string') {
      problems.push(`resource ${name}: not a file beside datapackage.json`);
      continue;
    }
    const bytes = fs.readFileSync(path.join(dir, d.path));
    if (d.bytes !== undefined && d.bytes !== bytes.length) {
      problems.push(`resource ${name}: ${d.path} has ${bytes.length} bytes, the descriptor says ${d.bytes}`);
    }
    if (d.hash !== undefined) {
      const sum = 'sha256:' + crypto.createHash('sha256').update(bytes).digest('hex');
      if (d.hash !== sum) problems.push(`resource ${name}: ${d.path} hashes to ${sum}, the descriptor says ${d.hash}`);
    }
    if (!resource.tabular) {
      if (d.format === 'json') {
        try {
          tables[name] = JSON.parse(bytes.toString('utf8'));
        } catch (e) {
          problems.push(`resource ${name}: ${d.path} is not JSON: ${e.message}`);
        }
      }
      continue;
    }
    const table = resource.table;
    table._parserOptions.bom = true; // see the allowance above
    let rows;
    try {
      rows = await resource.read({keyed: true, relations: true});
    } catch (e) {
      const details = (e.errors || []).map((x) => x.message || String(x));
      problems.push(`resource ${name}: ${d.path}: ${e.message}${details.length ? '\n    ' + details.join('\n    ') : ''}`);
      continue;
    }
    if (rows.length === 0) problems.push(`resource ${name}: ${d.path} has no rows`);
    // The library casts "4.9" to a number even where the decimal mark is a
    // comma, but a Danish spreadsheet would not: each number must be
    // written with its field's decimal mark, and no other.
    const raw = await resource.read({keyed: true, cast: false});
    for (const field of resource.schema.fields.filter((f) => f.type === 'number')) {
      const mark = field.descriptor.decimalChar || '.';
      const number = new RegExp('^-?[0-9]+(' + mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '[0-9]+)?$');
      raw.forEach((row, i) => {
        const cell = row[field.name];
        if (cell !== '' && !number.test(cell)) {
          problems.push(`resource ${name}: row ${i + 2}, column ${field.name}: ${JSON.stringify(cell)} is not a number written with the decimal mark ${JSON.stringify(mark)}`);
        }
      });
    }
    const fields = resource.schema.fieldNames;
    const header = (table.headers || []).join(',');
    if (header !== fields.join(',')) problems.push(`resource ${name}: the header is ${header}, the schema's fields ${fields.join(',')}`);
    tables[name] = rows;
  }
  // The JSON holds the CSV's rows under "figures", every key the CSV's.
  for (const [name, rows] of Object.entries(tables)) {
    const json = tables[name + '-json'];
    if (!Array.isArray(rows) || json === undefined) continue;
    const figures = json.figures;
    if (!Array.isArray(figures) || figures.length !== rows.length) {
      problems.push(`resource ${name}-json: ${Array.isArray(figures) ? figures.length : 'no'} figures, the CSV has ${rows.length} rows`);
      continue;
    }
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        const other = figures[i][key];
        if (!(key in figures[i]) || (value === null ? other !== null : other !== value)) {
          problems.push(`resource ${name}-json: figure ${i + 1} (${row.metric} ${row.year}) has ${key} = ${JSON.stringify(other)}, the CSV ${JSON.stringify(value)}`);
        }
      }
    });
  }
  if (problems.length === 0 && !Object.values(tables).some(Array.isArray)) problems.push('no tabular resource was read');
  return problems;
}

async function main(files) {
  if (files.length === 0) {
    console.error('usage: node validate-datapackage.js DATAPACKAGE.json...');
    process.exit(2);
  }
  let failed = false;
  for (const file of files) {
    let problems;
    try {
      problems = await validate(file);
    } catch (e) {
      problems = [e.message || String(e)];
    }
    if (problems.length > 0) {
      failed = true;
      for (const p of problems) console.error(`${file}: ${p}`);
    } else {
      console.log(`${file}: a valid data package; every row read with its schema`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main(process.argv.slice(2));
