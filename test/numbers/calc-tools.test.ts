import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { describe, expect, it } from 'vitest';
import { CALC_OPS } from '../../src/numbers/calculator/schemas.js';
import { calculatorTools, runCalculatorTool } from '../../src/numbers/calculator/tools.js';

const byName = (name: string) => {
  const t = calculatorTools.find((x) => x.name === name);
  if (!t) throw new Error(`no tool ${name}`);
  return t;
};

describe('calculatorTools', () => {
  it('has one tool per operation, named after it', () => {
    expect(calculatorTools.map((t) => t.name)).toEqual(CALC_OPS);
    for (const t of calculatorTools) expect(t.description.length).toBeGreaterThan(20);
  });

  it('exposes described fields and required arguments to the model', () => {
    const js = toJsonSchema(byName('cagr').schema) as {
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(js.required).toEqual(['start', 'end']);
    expect(Object.keys(js.properties)).toEqual(['start', 'end', 'years', 'startYear', 'endYear', 'rate']);
    for (const p of Object.values(js.properties)) expect(p.description).toBeTruthy();
    const growth = toJsonSchema(byName('growth_rate').schema) as { required: string[] };
    expect(growth.required).toEqual(['from', 'to']);
  });

  it('returns the CalcResult as JSON', async () => {
    const out = await byName('cagr').invoke({
      start: 'US$164.84 billion',
      end: 'US$294.76 billion',
      startYear: 2011,
      endYear: 2020,
    });
    expect(typeof out).toBe('string');
    expect(JSON.parse(out as string)).toMatchObject({
      op: 'cagr',
      display: '6.67%',
      formula: '(294.76 / 164.84)^(1/9) - 1',
    });
  });

  it('returns invalid input as a readable error instead of throwing', async () => {
    const bad = JSON.parse((await byName('cagr').invoke({ start: 1, end: 2, years: 0 })) as string);
    expect(bad).toEqual({ error: { code: 'invalid_argument', message: "cagr: 'years' must be > 0" } });
    const missing = JSON.parse((await byName('ratio').invoke({ a: 3 } as never)) as string);
    expect(missing.error.message).toContain("ratio: 'b' is required");
    const wrongType = JSON.parse((await byName('growth_rate').invoke({ from: true, to: 2 } as never)) as string);
    expect(wrongType.error.message).toContain("growth_rate: 'from'");
    const mixed = JSON.parse((await byName('difference').invoke({ a: 'US$1 billion', b: '2 billion yuan' })) as string);
    expect(mixed.error.message).toMatch(/USD.*CNY.*rate/);
  });

  it('average and sum take a list of values, described generically', async () => {
    for (const name of ['average', 'sum']) {
      const js = toJsonSchema(byName(name).schema) as {
        required: string[];
        properties: Record<string, { description?: string; type?: string; minItems?: number; maxItems?: number }>;
      };
      expect(js.required).toEqual(['values']);
      expect(js.properties.values).toMatchObject({ type: 'array', minItems: 2, maxItems: 100 });
      expect(js.properties.values!.description).toBeTruthy();
      // Generic wording: no figure beyond the formula's own count.
      expect(byName(name).description.replace('(a + b + c) / 3', '')).not.toMatch(/\d/);
    }
    const mean = JSON.parse(
      (await byName('average').invoke({ values: ['US$1.2 billion', 'US$900 million', 'US$1.5 billion'] })) as string,
    );
    expect(mean).toMatchObject({ op: 'average', display: 'US$1.2 billion', formula: '(1.2 + 0.9 + 1.5) / 3' });
    const total = JSON.parse((await byName('sum').invoke({ values: ['12.5%', '4%'] })) as string);
    expect(total).toMatchObject({ op: 'sum', display: '16.50%', unit: '%' });
    // A list the schema refuses reaches the calculator as missing; the message still says what is expected.
    const short = JSON.parse((await byName('sum').invoke({ values: [1] } as never)) as string);
    expect(short.error.message).toContain("sum: 'values' is required (a list of 2 to 100 quantities");
    const bad = JSON.parse((await byName('average').invoke({ values: [1, 'US$2 billion', '3%'] })) as string);
    expect(bad.error).toEqual({
      code: 'invalid_argument',
      message: "average: 'values[1]' is a USD amount but 'values[2]' is a percentage",
    });
    const missing = JSON.parse((await byName('average').invoke({} as never)) as string);
    expect(missing.error.message).toContain("average: 'values' is required");
  });

  it('runCalculatorTool reports unknown operations', () => {
    expect(JSON.parse(runCalculatorTool('sqrt', { x: 4 })).error.message).toContain("unknown operation 'sqrt'");
  });
});
