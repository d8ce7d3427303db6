package dev.interviewcoach.feedback.meaning;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product says how close their meanings are. */
public interface SentenceEmbedder {

    /** Names the model, so that cached vectors of another model are never mixed in. */
    String modelId();

    /** One unit vector per text, in order. */
    List<float[]> embed(List<String> texts);

    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The unit vector along the sum of these vectors (all of one length); no vectors give an empty one. */
    static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            return new float[0];
        }
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return normalized(sum);
    }

    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
