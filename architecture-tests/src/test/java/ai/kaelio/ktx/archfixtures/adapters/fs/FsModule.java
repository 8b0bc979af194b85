package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import com.google.inject.AbstractModule;

public final class FsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(WidgetStore.class).to(JacksonWidgetStore.class);
    }
}
