import { describe, expect, it } from 'vitest';
import { rivalModifier } from '../../../src/answer/offline/rival-modifier.js';

describe('rivalModifier', () => {
  it('tells another measure of the same kind', () => {
    expect(rivalModifier("What was Pellham's net profit in Q4 2024?", 'Operating profit')).toBe(true);
    expect(rivalModifier('What was the gross margin in 2023?', 'Operating margin (%)')).toBe(true);
    expect(rivalModifier('What were diluted earnings per share?', 'Basic earnings per share')).toBe(true);
  });

  it('accepts the asked measure written another way', () => {
    expect(rivalModifier('What was net profit in 2024?', 'Net profit')).toBe(false);
    expect(rivalModifier('What was total revenue in 2024?', 'Revenue')).toBe(false);
    expect(rivalModifier('What was revenue in 2024?', 'Store revenue')).toBe(false);
    expect(rivalModifier('What was the revenue from services in 2024?', 'Services revenue')).toBe(false);
    expect(rivalModifier('What was the cost of revenue in 2024?', 'Cost of revenue')).toBe(false);
    expect(rivalModifier('What were deferred tax assets?', 'Net deferred tax assets')).toBe(false);
  });

  it('does not read a name before the measure as its qualifier', () => {
    expect(rivalModifier("What was Pellham's revenue in 2024?", 'Store revenue')).toBe(false);
    expect(rivalModifier('What was Q4 2024 revenue?', 'Store revenue')).toBe(false);
  });

  it('reads only the word right before the measure, not one across a preposition or a number', () => {
    expect(rivalModifier('Which years does the table give information for revenue by type?', 'Licence revenue')).toBe(
      false,
    );
    expect(rivalModifier('In which year were Scope 1 emissions larger?', 'Scope 1 emissions')).toBe(false);
  });
});
