// natural's package index loads every module it has (and dotenv), so its classifier file is imported directly; its shape.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    addDocument(tokens: string[], label: string): void;
    train(): void;
    getClassifications(tokens: string[]): { label: string; value: number }[];
  }
}
