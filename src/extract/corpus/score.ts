/** The corpus scores with the reader's own scoring (one definition of right, wrong and invented). */
export { addScores, emptyScore, type Score, scoreValues } from '../read/score.ts';
