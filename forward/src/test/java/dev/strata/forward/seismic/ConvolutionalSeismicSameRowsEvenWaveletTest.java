package dev.strata.forward.seismic;

/** SAME_ROWS with an even (16-sample) Ricker wavelet, peak between samples 7 and 8, as Seed 000 allows. */
class ConvolutionalSeismicSameRowsEvenWaveletTest extends SameRowsSeismicContract {
    @Override
    float[] wavelet() {
        return RickerWavelet.symmetricSamples(25, 0.008, 16);
    }
}
