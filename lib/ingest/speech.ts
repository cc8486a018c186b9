/**
 * Verbs of speech, folded (no accents, lower case), as one regex alternation: a report's words around an
 * event ("l'armée a indiqué que...", "three sources said that...", "said on Monday") tell who spoke or when,
 * never who acted, how many died or when it happened. One list, so every rule reading a report agrees.
 */
export const SPEECH_VERBS =
  "said|says|say|told \\p{L}+|announced|reported|stated|confirmed|added|noted|explained|claimed|warned|indicated|" +
  "indique|annonce|declare|affirme|precise|rapporte|confirme|assure|fait savoir|souligne|explique|communique|ajoute|appris";
