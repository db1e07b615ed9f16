package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A parameterless TorchScript module with one {@code forward} method, compiled by libtorch from its source when made,
 * and run on DJL arrays with autograd wherever autograd is on. It gives the network libtorch operators that DJL
 * 0.35.1's PyTorch engine has no binding for ({@link FusedKernels}).
 *
 * <p>The module is handed to libtorch as the archive {@code torch.jit.save} writes (a stored zip of {@code version},
 * {@code constants.pkl}, {@code data.pkl} and {@code code/__torch__.py}), made here in memory: DJL loads TorchScript
 * only from such an archive, and neither DJL nor any Java library writes one. The two pickles are fixed: no
 * constants, and the module object with its {@code training} flag; the code is the class's TorchScript source.
 */
final class TorchScriptModule {
    private final PtSymbolBlock block;

    /**
     * Compiles class {@code name}, whose {@code forward} is {@code signature} (after {@code self}, e.g.
     * {@code "x: Tensor) -> Tensor"}) with body {@code body} (TorchScript lines, indented by four spaces), into a
     * module owned by {@code manager}.
     */
    TorchScriptModule(NDManager manager, String name, String signature, String body) {
        String source = "class " + name + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__." + name + ", " + signature + ":\n"
                + body;
        try {
            block = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive(name, source)), true,
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * forward(inputs): the result is attached to the first input's manager and joins autograd's graph when autograd
     * records (DJL runs a module without gradients unless told it trains).
     */
    NDArray forward(NDArray... inputs) {
        return IValueUtils.forward(block, new NDList(inputs), JniUtils.isGradMode()).singletonOrThrow();
    }

    /** The archive of a module of class {@code name} with {@code source} as its code. */
    private static byte[] archive(String name, String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "module/version", ascii("3\n"));
            stored(zip, "module/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // PROTO 2, EMPTY_TUPLE, STOP
            stored(zip, "module/data.pkl", modulePickle(name));
            stored(zip, "module/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Pickle protocol 2 of {@code __torch__.name()} with state {'training': True}: PROTO, GLOBAL, EMPTY_TUPLE, NEWOBJ,
     * EMPTY_DICT, MARK, BINUNICODE, NEWTRUE, SETITEMS, BUILD, STOP.
     */
    private static byte[] modulePickle(String name) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.writeBytes(ascii("c__torch__\n" + name + "\n"));
        p.writeBytes(new byte[] {')', (byte) 0x81, '}', '(', 'X', 8, 0, 0, 0});
        p.writeBytes(ascii("training"));
        p.writeBytes(new byte[] {(byte) 0x88, 'u', 'b', '.'});
        return p.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void stored(ZipOutputStream zip, String path, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(path);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
