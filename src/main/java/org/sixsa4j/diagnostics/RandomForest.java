package org.sixsa4j.diagnostics;

import org.sixsa4j.simulate.ParallelBatches;
import org.sixsa4j.simulate.RandomStreams;

/**
 * A random forest classifier for two classes (Breiman 2001, "Random forests", Machine Learning
 * 45:5–32): fully grown CART trees, each on its own bootstrap sample, each node split on the best
 * of ⌊√d⌋ randomly chosen features by Gini impurity, as in scikit-learn's
 * {@code RandomForestClassifier} with its default settings. The forest predicts by Breiman's
 * unit votes of the trees; scikit-learn averages the trees' class fractions instead, which for
 * fully grown trees, whose leaves are pure, is the same thing.
 *
 * <p>Tree t draws from stream t of {@link RandomStreams#of(long) RandomStreams.of(seed)}, so the
 * forest depends on the seed only, never on the number of threads that grow it.
 */
final class RandomForest {
    private final ClassificationTree[] trees;

    private RandomForest(ClassificationTree[] trees) {
        this.trees = trees;
    }

    /**
     * Grows a forest.
     *
     * @param x the training points, one row each, all of the same length d
     * @param label the class of each point, 0 or 1
     * @param trees how many trees to grow
     * @param seed the seed from which each tree's random stream is derived
     * @param threads how many threads grow the trees; the forest does not depend on it
     */
    static RandomForest fit(double[][] x, int[] label, int trees, long seed, int threads) {
        ClassificationTree.TrainingSet training = new ClassificationTree.TrainingSet(x, label);
        int tried = Math.max(1, (int) Math.sqrt(training.features()));
        RandomStreams streams = RandomStreams.of(seed);
        ClassificationTree[] grown = new ClassificationTree[trees];
        ParallelBatches.forEachIndex(trees, threads,
                t -> grown[t] = ClassificationTree.grow(training, tried, streams.stream(t)));
        return new RandomForest(grown);
    }

    /** The predicted class of a point, 0 or 1: the majority of the trees' votes, 0 on a tie. */
    int predict(double[] point) {
        int halfVotes = 0;
        for (ClassificationTree tree : trees) {
            halfVotes += tree.vote(point);
        }
        return 2 * halfVotes > trees.length * ClassificationTree.FULL_VOTE ? 1 : 0;
    }
}
