package dev.strata.forward.seismic;

/** SAME_ROWS with an odd (17-sample) Ricker wavelet centred on its middle sample. */
class ConvolutionalSeismicSameRowsOddWaveletTest extends SameRowsSeismicContract {
    @Override
    float[] wavelet() {
        return new RickerWavelet(25, 0.008, 17).samples();
    }
}
