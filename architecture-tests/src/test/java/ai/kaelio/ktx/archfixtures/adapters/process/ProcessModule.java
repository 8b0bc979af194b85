package ai.kaelio.ktx.archfixtures.adapters.process;

import com.google.inject.AbstractModule;

public final class ProcessModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ZtExecRunner.class);
    }
}
