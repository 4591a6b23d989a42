export {
  BASIS_POINTS_WHOLE,
  EVEN_SPLIT,
  SPLIT_BASIS_POINTS_MAX,
  SPLIT_BASIS_POINTS_MIN,
  splitAmount,
  validateSplit,
  type Split,
  type SplitProblem,
  type SplitRule,
  type SplitShares,
  type SplitValidation,
} from './split';
