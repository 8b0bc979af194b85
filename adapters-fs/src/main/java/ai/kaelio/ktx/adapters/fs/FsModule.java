package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds the file-system adapters. Needs {@code RuntimeLayout} and {@code java.time.Clock} from elsewhere. */
public final class FsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ManifestStore.class).to(JacksonManifestStore.class);
        // One instance per run, so the wheel is hashed at most once whoever asks.
        bind(RuntimeAssets.class).to(FileRuntimeAssets.class).in(Singleton.class);
        bind(RuntimeFiles.class).to(NioRuntimeFiles.class);
        bind(RuntimeLock.class).to(FileChannelRuntimeLock.class);
        bind(JacksonManifestStore.class);
        bind(FileRuntimeAssets.class);
        bind(NioRuntimeFiles.class);
        bind(FileChannelRuntimeLock.class);
        bind(EnvironmentLeases.class).to(FileLockEnvironmentLeases.class);
        bind(FileLockEnvironmentLeases.class);
        bind(DaemonFiles.class).to(JacksonDaemonFiles.class);
        bind(JacksonDaemonFiles.class);
        bind(ModelFiles.class).to(HuggingFaceModelFiles.class);
        bind(HuggingFaceModelFiles.class);
    }
}
