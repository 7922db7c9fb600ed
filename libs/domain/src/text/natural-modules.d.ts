// natural's package index loads every module it has (and dotenv, which logs on import), so Vigil
// imports the two CommonJS files it needs directly; these are their shapes.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: readonly string[] };
  export default stopwords;
}
