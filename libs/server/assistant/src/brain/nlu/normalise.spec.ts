import { canonical } from './normalise';
import { frInfinitive, withInfinitives } from './french-verbs';

describe('SMS words as people type them', () => {
  it.each([
    ['text ana n remind me at 9am', 'text ana and remind me at 9am'],
    ['start w my taxes', 'start with my taxes'],
    ['need 2 renew my card', 'need to renew my card'],
    ['need 2 eggs', 'need 2 eggs'],
    ['wat now', 'what now'],
    ['remind me l8r', 'remind me later'],
    ['haircut fri 11am', 'haircut friday 11am'],
    ['vet sat 9am', 'vet saturday 9am'],
    ['sat down with the kids', 'sat down with the kids'],
  ])('%j reads as %j', (typed, read) => {
    expect(canonical(typed, false)).toBe(read);
  });

  it('keeps French titles in French while reading shorthand', () => {
    expect(canonical('c quoi le prochain truc', true)).toBe("c'est quoi le prochain truc");
    expect(canonical("n'oublie pas le pain", true)).toBe("n'oublie pas le pain");
  });
});

describe('French subjunctives said as tasks', () => {
  it.each([
    ['achète', 'acheter'],
    ['appelle', 'appeler'],
    ['prenne', 'prendre'],
    ['rende', 'rendre'],
    ['finisse', 'finir'],
    ['paie', 'payer'],
    ['envoie', 'envoyer'],
    ['range', 'ranger'],
  ])('%j → %j', (subjunctive, infinitive) => {
    expect(frInfinitive(subjunctive)).toBe(infinitive);
  });

  it('reads "faut que je …" as "je dois …" anywhere in a message', () => {
    expect(withInfinitives("crevée mais faut que j'appelle la mutuelle")).toBe(
      'crevée mais je dois appeler la mutuelle',
    );
    expect(withInfinitives('il faut que je prenne rdv')).toBe('je dois prendre rdv');
  });
});
